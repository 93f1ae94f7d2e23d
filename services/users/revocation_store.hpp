#pragma once
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <string>

#include "auth/claims.hpp"

namespace pg {
class Pool;
}

namespace users {

// Logouts in the users database: what this service checks on every authenticated request, and the rows the
// relay publishes to the revocations stream (migration token_revocations).
class RevocationStore {
 public:
  RevocationStore(pg::Pool& pool, std::chrono::seconds token_lifetime) : pool_(pool), lifetime_(token_lifetime) {}

  boost::asio::awaitable<bool> revoked(auth::Claims claims);
  // The token alone (idempotent: its jti is unique).
  boost::asio::awaitable<void> revoke_token(auth::Claims claims);
  // Every token of the user issued up to `now` (second resolution: a token issued within the same second
  // is refused too).
  boost::asio::awaitable<void> revoke_user(std::string user_id, std::chrono::system_clock::time_point now);

 private:
  pg::Pool& pool_;
  std::chrono::seconds lifetime_;
};

}  // namespace users

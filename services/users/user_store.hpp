#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/system/result.hpp>
#include <optional>
#include <string>

#include "errors.hpp"
#include "user.hpp"
#include "validation.hpp"

namespace pg {
class Pool;
}

namespace users {

// The only place with SQL for users and the outbox.
class UserStore {
 public:
  explicit UserStore(pg::Pool& pool) : pool_(pool) {}

  // Inserts the user and claims its identifiers in one statement; identifier_taken on a clash.
  boost::asio::awaitable<boost::system::result<User, Failure>> create(Registration registration,
                                                                      std::string password_hash, bool is_admin);

  boost::asio::awaitable<std::optional<Credentials>> find_credentials(std::string identifier);

  // Sets first_login_at and writes the outbox event in one statement; only the first caller
  // for a user gets a row back, however many race (invariant 2). The event_id is derived from the user id
  // (events::first_login_event_id), so a first login recorded again after a failover dedupes downstream.
  boost::asio::awaitable<bool> record_first_login(std::string user_id, std::string identifier);

  boost::asio::awaitable<void> replace_password_hash(std::string user_id, std::string password_hash);

  boost::asio::awaitable<std::optional<User>> find(std::string user_id);

 private:
  pg::Pool& pool_;
};

}  // namespace users

// Tokens revoked before they expire (logout), held in memory: a check costs no I/O.
#pragma once
#include <cstddef>
#include <cstdint>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "auth/claims.hpp"

namespace auth {

// Thread-safe. Each entry is dropped once every token it refuses has expired, so the list is bounded by
// the live tokens revoked.
class RevocationList {
 public:
  // The token with this jti, which expires at `expires` (seconds since the Unix epoch).
  void revoke_token(const std::string& jti, std::int64_t expires);
  // Every token of `user` issued at or before `issued_until`; none of them outlives `expires`.
  void revoke_user(const std::string& user, std::int64_t issued_until, std::int64_t expires);

  bool revoked(const Claims& claims) const;

  // Drops the entries whose tokens have all expired by `now`.
  void forget_expired(std::int64_t now);
  std::size_t size() const;

 private:
  struct UserCut {
    std::int64_t issued_until;
    std::int64_t expires;
  };
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::int64_t> tokens_;  // jti -> expires
  std::unordered_map<std::string, UserCut> users_;
};

}  // namespace auth

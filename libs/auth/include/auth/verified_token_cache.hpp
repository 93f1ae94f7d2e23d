// Tokens already verified, so a client's repeated requests cost one RSA check per token.
#pragma once

#include "auth/claims.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace auth {

// Thread-safe, bounded. Keyed by the whole token text (exact: no hash collision can alias a
// forged token to a verified one). An entry is served only while its `exp` (plus leeway) is
// ahead of `now`, so caching never extends a token's life, and only for the key-set generation that
// verified it, so a key taken out of the set takes its tokens with it.
class VerifiedTokenCache {
 public:
  VerifiedTokenCache(std::size_t capacity, std::chrono::seconds leeway);

  std::optional<Claims> find(std::string_view token, std::chrono::system_clock::time_point now,
                             std::uint64_t generation) const;
  void insert(std::string_view token, const Claims& claims, std::chrono::system_clock::time_point now,
              std::uint64_t generation);

 private:
  bool alive(const Claims& claims, std::chrono::system_clock::time_point now) const;

  std::size_t capacity_;
  std::chrono::seconds leeway_;
  mutable std::mutex mutex_;
  struct Entry {
    Claims claims;
    std::uint64_t generation;
  };
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace auth

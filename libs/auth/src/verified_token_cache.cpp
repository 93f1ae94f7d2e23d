#include "auth/verified_token_cache.hpp"

#include <iterator>

namespace auth {

VerifiedTokenCache::VerifiedTokenCache(std::size_t capacity, std::chrono::seconds leeway)
    : capacity_(capacity), leeway_(leeway) {}

bool VerifiedTokenCache::alive(const Claims& claims, std::chrono::system_clock::time_point now) const {
  const auto now_s = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  return now_s - leeway_.count() < claims.exp;  // the verifier's own expiry rule
}

std::optional<Claims> VerifiedTokenCache::find(std::string_view token, std::chrono::system_clock::time_point now,
                                               std::uint64_t generation) const {
  std::lock_guard lock{mutex_};
  const auto entry = entries_.find(std::string(token));
  if (entry == entries_.end() || entry->second.generation != generation || !alive(entry->second.claims, now))
    return std::nullopt;
  return entry->second.claims;
}

void VerifiedTokenCache::insert(std::string_view token, const Claims& claims, std::chrono::system_clock::time_point now,
                                std::uint64_t generation) {
  std::lock_guard lock{mutex_};
  if (entries_.size() >= capacity_) {
    std::erase_if(entries_, [&](const auto& entry) {
      return entry.second.generation != generation || !alive(entry.second.claims, now);
    });
    if (entries_.size() >= capacity_) entries_.erase(entries_.begin());  // full of live tokens: drop one
  }
  entries_.insert_or_assign(std::string(token), Entry{claims, generation});
}

}  // namespace auth

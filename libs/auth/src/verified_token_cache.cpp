#include "auth/verified_token_cache.hpp"

#include <iterator>

namespace auth {

VerifiedTokenCache::VerifiedTokenCache(std::size_t capacity, std::chrono::seconds leeway)
    : capacity_(capacity), leeway_(leeway) {}

bool VerifiedTokenCache::alive(const Claims& claims, std::chrono::system_clock::time_point now) const {
  const auto now_s = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  return now_s - leeway_.count() < claims.exp;  // the verifier's own expiry rule
}

std::optional<Claims> VerifiedTokenCache::find(std::string_view token,
                                               std::chrono::system_clock::time_point now) const {
  std::lock_guard lock{mutex_};
  const auto entry = entries_.find(std::string(token));
  if (entry == entries_.end() || !alive(entry->second, now)) return std::nullopt;
  return entry->second;
}

void VerifiedTokenCache::insert(std::string_view token, const Claims& claims,
                                std::chrono::system_clock::time_point now) {
  std::lock_guard lock{mutex_};
  if (entries_.size() >= capacity_) {
    std::erase_if(entries_, [&](const auto& entry) { return !alive(entry.second, now); });
    if (entries_.size() >= capacity_) entries_.erase(entries_.begin());  // full of live tokens: drop one
  }
  entries_.emplace(std::string(token), claims);
}

}  // namespace auth

#include "auth/revocation_list.hpp"

#include <algorithm>
#include <mutex>

namespace auth {

void RevocationList::revoke_token(const std::string& jti, std::int64_t expires) {
  std::unique_lock lock{mutex_};
  auto [entry, inserted] = tokens_.try_emplace(jti, expires);
  if (!inserted) entry->second = std::max(entry->second, expires);
}

void RevocationList::revoke_user(const std::string& user, std::int64_t issued_until, std::int64_t expires) {
  std::unique_lock lock{mutex_};
  auto [entry, inserted] = users_.try_emplace(user, UserCut{issued_until, expires});
  if (!inserted) {
    entry->second.issued_until = std::max(entry->second.issued_until, issued_until);
    entry->second.expires = std::max(entry->second.expires, expires);
  }
}

bool RevocationList::revoked(const Claims& claims) const {
  std::shared_lock lock{mutex_};
  if (!claims.jti.empty() && tokens_.contains(claims.jti)) return true;
  const auto user = users_.find(claims.sub);
  return user != users_.end() && claims.iat <= user->second.issued_until;
}

void RevocationList::forget_expired(std::int64_t now) {
  std::unique_lock lock{mutex_};
  std::erase_if(tokens_, [now](const auto& entry) { return entry.second < now; });
  std::erase_if(users_, [now](const auto& entry) { return entry.second.expires < now; });
}

std::size_t RevocationList::size() const {
  std::shared_lock lock{mutex_};
  return tokens_.size() + users_.size();
}

}  // namespace auth

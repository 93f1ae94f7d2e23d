#pragma once
#include <spdlog/fwd.h>

#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "http/client_address.hpp"
#include "http/message.hpp"
#include "lockout_store.hpp"
#include "throttle_store.hpp"

namespace metrics {
class Counter;
class Registry;
}  // namespace metrics

namespace users {

// The settings of docs/security.md (LOGIN_*, REGISTER_*, TRUSTED_PROXIES).
struct DefenceSettings {
  LockoutRules lockout;
  BucketRule login{30, 30.0 / 300};
  BucketRule registration{10, 30.0 / 3600};
  http::TrustedProxies trusted_proxies;
};

// What every worker's Defences share: settings, counters, and when the tables are pruned next.
struct SharedDefences {
  SharedDefences(DefenceSettings settings, metrics::Registry& registry, std::shared_ptr<spdlog::logger> log);
  const DefenceSettings settings;
  metrics::Counter &throttled_logins, &throttled_registrations, &locks, &locked_attempts;
  std::shared_ptr<spdlog::logger> log;
  std::atomic<std::int64_t> next_prune{0};  // unix seconds
};

// Login and registration defences as one worker's handlers use them: per-source throttling before any
// Argon2id work, per-account lockout around the password check.
class Defences {
 public:
  enum class Action { login, registration };

  Defences(pg::Pool& pool, SharedDefences& shared)
      : shared_(shared), throttle_(pool), lockout_(pool, shared.settings.lockout) {}

  // The client the request is from: the TCP peer, or behind a trusted proxy its X-Forwarded-For.
  std::string source_of(const http::RequestContext& context) const;
  // 429 with Retry-After when `source` has used up its bucket for `action`; nullopt to go on.
  boost::asio::awaitable<std::optional<http::Response>> throttle(Action action, std::string source);

  LockoutStore& lockout() { return lockout_; }
  // After a refused login of an existing account: counts and logs a lock that this failure started.
  void login_failed(const LockoutStore::Attempt& attempt, const std::string& user_id, const std::string& source);

 private:
  boost::asio::awaitable<void> prune_now_and_then(std::chrono::system_clock::time_point now);

  SharedDefences& shared_;
  ThrottleStore throttle_;
  LockoutStore lockout_;
};

}  // namespace users

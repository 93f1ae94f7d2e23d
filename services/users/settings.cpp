#include "settings.hpp"

#include <algorithm>
#include <thread>

namespace users {

Settings load_settings(const config::Env& env) {
  Settings s;
  s.broker = service::broker_settings(env);
  s.tokens = service::token_settings(env);
  s.private_key = env.string("PRIVATE_KEY");
  s.previous_public_keys = env.string("PREVIOUS_PUBLIC_KEYS", "");
  s.jwks_max_age = std::chrono::seconds(env.integer("JWKS_MAX_AGE_SECONDS", 300, 0, 86400));
  const auto cores = std::max(1U, std::thread::hardware_concurrency());
  s.hash_threads = static_cast<std::size_t>(env.integer("HASH_THREADS", cores, 1, 256));
  s.hash_queue = static_cast<std::size_t>(env.integer("HASH_QUEUE", 64, 0, 100000));
  s.outbox_poll = env.milliseconds("OUTBOX_POLL_MS", 1000);
  s.outbox_relay = env.choice("OUTBOX_RELAY", "on", {"on", "off"}) == "on";
  s.defences = load_defence_settings(env);
  return s;
}

namespace {

// RATE attempts per WINDOW seconds, at most BURST at once.
BucketRule bucket(const config::Env& env, const std::string& prefix, std::int64_t rate, std::int64_t window,
                  std::int64_t burst) {
  const auto per_window = env.integer(prefix + "_RATE", rate, 1, 1'000'000);
  const auto seconds = env.integer(prefix + "_RATE_WINDOW_SECONDS", window, 1, 7 * 86400);
  return {.capacity = static_cast<double>(env.integer(prefix + "_BURST", burst, 1, 1'000'000)),
          .per_second = static_cast<double>(per_window) / static_cast<double>(seconds)};
}

}  // namespace

DefenceSettings load_defence_settings(const config::Env& env) {
  DefenceSettings s;
  s.lockout.max_failures = static_cast<int>(env.integer("LOGIN_MAX_FAILURES", 5, 1, 1000));
  s.lockout.lock = std::chrono::seconds(env.integer("LOGIN_LOCK_SECONDS", 60, 1, 86400));
  s.lockout.max_lock = std::chrono::seconds(env.integer("LOGIN_LOCK_MAX_SECONDS", 900, 1, 30 * 86400));
  s.lockout.reset = std::chrono::seconds(env.integer("LOGIN_FAILURE_RESET_SECONDS", 43200, 1, 365 * 86400));
  s.login = bucket(env, "LOGIN", 30, 300, 30);
  s.registration = bucket(env, "REGISTER", 30, 3600, 10);
  const auto proxies = env.string("TRUSTED_PROXIES", "");
  s.trusted_proxies = config::read_setting("TRUSTED_PROXIES", [&] { return http::TrustedProxies::parse(proxies); });
  return s;
}

}  // namespace users

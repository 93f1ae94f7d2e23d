#pragma once
#include <chrono>
#include <cstddef>
#include <string>

#include "config/env.hpp"
#include "defences.hpp"
#include "service/settings.hpp"

namespace users {

// The settings of `users-service serve` beyond what every service has (design §8), read once at start;
// config::Error names a bad one.
struct Settings {
  service::BrokerSettings broker;
  service::TokenSettings tokens;
  std::string private_key;           // PEM text or path
  std::string previous_public_keys;  // files or directories: keys that still verify and are published
  std::chrono::seconds jwks_max_age{300};
  std::size_t hash_threads = 2;
  std::size_t hash_queue = 64;  // hashes waiting for a thread beyond which login/register answer 503
  std::chrono::milliseconds outbox_poll{1000};
  bool outbox_relay = true;  // off: this replica serves HTTP only (another one relays)
  DefenceSettings defences;
};

// LOGIN_MAX_FAILURES, LOGIN_LOCK_SECONDS, LOGIN_LOCK_MAX_SECONDS, LOGIN_FAILURE_RESET_SECONDS,
// LOGIN_RATE / LOGIN_RATE_WINDOW_SECONDS / LOGIN_BURST, REGISTER_RATE / REGISTER_RATE_WINDOW_SECONDS /
// REGISTER_BURST, TRUSTED_PROXIES.
DefenceSettings load_defence_settings(const config::Env& env);

Settings load_settings(const config::Env& env);

}  // namespace users

#pragma once
#include <chrono>
#include <string>

#include "config/env.hpp"
#include "service/settings.hpp"

namespace promotion {

// `serve` beyond what every service has: the token checks of design §3 against static keys (PUBLIC_KEY) or the
// users service's key set (JWKS_URI, which wins when both are set), and the stream of logouts.
struct ServeSettings {
  std::string public_keys;  // PEM text, or a comma-separated list of PEM files and directories
  std::string jwks_uri;
  std::chrono::seconds jwks_unknown_kid_interval{30};  // at most one fetch per interval for unknown kids
  service::TokenSettings tokens;
  service::BrokerSettings broker;
};
ServeSettings load_serve_settings(const config::Env& env);

// `consume`: the queue, the deliveries in flight (TASKS) and the shutdown deadline.
struct ConsumeSettings {
  service::BrokerSettings broker;
  int tasks = 4;
  std::chrono::milliseconds shutdown_deadline{10000};
};
ConsumeSettings load_consume_settings(const config::Env& env);

}  // namespace promotion

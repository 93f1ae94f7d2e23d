#pragma once
#include <chrono>
#include <string>

#include "config/env.hpp"
#include "service/settings.hpp"

namespace promotion {

// `serve` beyond what every service has: the token checks of design §3, with the public key only.
struct ServeSettings {
  std::string public_key;  // PEM text or path
  service::TokenSettings tokens;
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

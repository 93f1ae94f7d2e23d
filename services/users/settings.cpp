#include "settings.hpp"

#include <algorithm>
#include <thread>

namespace users {

Settings load_settings(const config::Env& env) {
  Settings s;
  s.broker = service::broker_settings(env);
  s.tokens = service::token_settings(env);
  s.private_key = env.string("PRIVATE_KEY");
  const auto cores = std::max(1U, std::thread::hardware_concurrency());
  s.hash_threads = static_cast<std::size_t>(env.integer("HASH_THREADS", cores, 1, 256));
  s.hash_queue = static_cast<std::size_t>(env.integer("HASH_QUEUE", 64, 0, 100000));
  s.outbox_poll = env.milliseconds("OUTBOX_POLL_MS", 1000);
  s.outbox_relay = env.choice("OUTBOX_RELAY", "on", {"on", "off"}) == "on";
  return s;
}

}  // namespace users

#include "settings.hpp"

namespace promotion {

ServeSettings load_serve_settings(const config::Env& env) {
  return {.public_key = env.string("PUBLIC_KEY"), .tokens = service::token_settings(env)};
}

ConsumeSettings load_consume_settings(const config::Env& env) {
  return {.broker = service::broker_settings(env),
          .tasks = static_cast<int>(env.integer("TASKS", 4, 1, 1000)),
          .shutdown_deadline = env.milliseconds("SHUTDOWN_DEADLINE_MS", 10000)};
}

}  // namespace promotion

#include "settings.hpp"

#include "cli/common_settings.hpp"

namespace promotion {

DatabaseSettings load_database_settings(const config::Env& env) {
  return {.pool = cli::database_settings(env, "promotion"),
          .migrations_dir = env.string("PROMOTION_MIGRATIONS_DIR", PROMOTION_MIGRATIONS_DIR)};
}

ServeSettings load_serve_settings(const config::Env& env) {
  return {.http = cli::http_settings(env, 5001),
          .workers = cli::workers(env),
          .database = load_database_settings(env),
          .tokens = {.public_key = env.string("PUBLIC_KEY"),
                     .issuer = env.string("JWT_ISSUER", "bank-users"),
                     .audience = env.string("JWT_AUDIENCE", "bank")}};
}

ConsumeSettings load_consume_settings(const config::Env& env) {
  ConsumeSettings s;
  s.database = load_database_settings(env);
  s.mq_uri = env.string("MQ_URI");
  if (!s.mq_uri.starts_with("amqp://")) throw config::Error("MQ_URI", "must be an amqp:// URI");
  s.routing_key = env.string("MQ_PROMOTION_ROUTING_KEY", "promotion");
  s.delivery_limit = env.integer("MQ_DELIVERY_LIMIT", 5, 1, 1000);
  s.tasks = static_cast<int>(env.integer("TASKS", 4, 1, 1000));
  s.shutdown_deadline = env.milliseconds("SHUTDOWN_DEADLINE_MS", 10000);
  return s;
}

}  // namespace promotion

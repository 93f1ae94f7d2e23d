#include "settings.hpp"

#include <thread>

#include "cli/common_settings.hpp"

namespace users {

DatabaseSettings load_database_settings(const config::Env& env) {
  return {.pool = cli::database_settings(env, "users"),
          .migrations_dir = env.string("USERS_MIGRATIONS_DIR", USERS_MIGRATIONS_DIR)};
}

Settings load_settings(const config::Env& env) {
  Settings s;
  s.http = cli::http_settings(env, 5000);
  s.workers = cli::workers(env);
  s.database = load_database_settings(env);

  s.mq_uri = env.string("MQ_URI");
  if (!s.mq_uri.starts_with("amqp://")) throw config::Error("MQ_URI", "must be an amqp:// URI");
  s.routing_key = env.string("MQ_PROMOTION_ROUTING_KEY", "promotion");
  s.delivery_limit = env.integer("MQ_DELIVERY_LIMIT", 5, 1, 1000);

  s.private_key = env.string("PRIVATE_KEY");
  s.jwt_issuer = env.string("JWT_ISSUER", "bank-users");
  s.jwt_audience = env.string("JWT_AUDIENCE", "bank");
  s.jwt_ttl = std::chrono::minutes(env.integer("JWT_EXPIRED_MINUTES", 30, 1, 24 * 60));

  const auto cores = std::max(1U, std::thread::hardware_concurrency());
  s.hash_threads = static_cast<std::size_t>(env.integer("HASH_THREADS", cores, 1, 256));
  s.hash_queue = static_cast<std::size_t>(env.integer("HASH_QUEUE", 64, 0, 100000));
  s.outbox_poll = env.milliseconds("OUTBOX_POLL_MS", 1000);
  s.outbox_relay = env.choice("OUTBOX_RELAY", "on", {"on", "off"}) == "on";
  return s;
}

}  // namespace users

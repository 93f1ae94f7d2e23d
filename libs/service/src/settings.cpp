#include "service/settings.hpp"

#include <algorithm>
#include <cctype>
#include <thread>

#include "config/database_uri.hpp"
#include "config/error.hpp"
#include "config/list.hpp"

namespace service {

DatabaseSettings database_settings(const config::Env& env, const std::string& app,
                                   const std::string& default_migrations_dir) {
  DatabaseSettings settings;
  settings.pool.uri = config::database_uri(env, app);
  settings.pool.size = static_cast<std::size_t>(env.integer("DB_POOL_SIZE", 8, 1, 500));
  settings.pool.acquire_timeout = env.milliseconds("DB_POOL_WAIT_MS", 2000);
  settings.pool.statement_timeout = env.milliseconds("DB_STATEMENT_TIMEOUT_MS", 5000);
  settings.pool.application_name = app + "-service";
  std::string variable = app + "_MIGRATIONS_DIR";
  std::ranges::transform(variable, variable.begin(), [](unsigned char c) { return std::toupper(c); });
  settings.migrations_dir = env.string(variable, default_migrations_dir);
  return settings;
}

pg::PoolOptions worker_pool(pg::PoolOptions pool, int workers) {
  const auto loops = static_cast<std::size_t>(workers);
  pool.size = (pool.size + loops - 1) / loops;
  return pool;
}

http::ServerOptions http_settings(const config::Env& env, std::uint16_t default_port) {
  http::ServerOptions options;
  options.port = static_cast<std::uint16_t>(env.integer("PORT", default_port, 0, 65535));
  options.address = env.string("HOST", "0.0.0.0");
  options.body_limit = static_cast<std::size_t>(env.integer("HTTP_BODY_LIMIT", 16 * 1024, 256, 64 << 20));
  options.header_limit = static_cast<std::size_t>(env.integer("HTTP_HEADER_LIMIT", 8 * 1024, 1024, 1 << 20));
  options.read_timeout = env.milliseconds("HTTP_READ_TIMEOUT_MS", 10000);
  options.write_timeout = env.milliseconds("HTTP_WRITE_TIMEOUT_MS", 10000);
  options.idle_timeout = env.milliseconds("HTTP_IDLE_TIMEOUT_MS", 60000);
  options.shutdown_deadline = env.milliseconds("SHUTDOWN_DEADLINE_MS", 10000);
  return options;
}

int workers(const config::Env& env) {
  const auto cores = std::max(1U, std::thread::hardware_concurrency());
  return static_cast<int>(env.integer("WORKERS", cores, 1, 256));
}

BrokerSettings broker_settings(const config::Env& env) {
  BrokerSettings settings;
  settings.uri = env.string("MQ_URI");
  const auto nodes = config::comma_list(settings.uri);
  if (nodes.empty() ||
      std::any_of(nodes.begin(), nodes.end(), [](const auto& node) { return !node.starts_with("amqp://"); }))
    throw config::Error("MQ_URI", "must be an amqp:// URI, or several separated by commas");
  settings.heartbeat = std::chrono::seconds(env.integer("MQ_HEARTBEAT_SECONDS", 5, 0, 600));
  settings.routing_key = env.string("MQ_PROMOTION_ROUTING_KEY", "promotion");
  settings.delivery_limit = env.integer("MQ_DELIVERY_LIMIT", 5, 1, 1000);
  settings.quorum_group_size = env.integer("MQ_QUORUM_INITIAL_GROUP_SIZE", 0, 0, 99);
  settings.revocation_stream = env.string("MQ_REVOCATIONS_STREAM", "revocations");
  return settings;
}

TokenSettings token_settings(const config::Env& env) {
  return {.issuer = env.string("JWT_ISSUER", "bank-users"),
          .audience = env.string("JWT_AUDIENCE", "bank"),
          .lifetime = std::chrono::minutes(env.integer("JWT_EXPIRED_MINUTES", 30, 1, 24 * 60))};
}

}  // namespace service

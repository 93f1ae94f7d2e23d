#include "cli/common_settings.hpp"

#include "config/database_uri.hpp"

namespace cli {

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

int workers(const config::Env& env) { return static_cast<int>(env.integer("WORKERS", 4, 1, 256)); }

pg::PoolOptions database_settings(const config::Env& env, const std::string& app) {
  pg::PoolOptions options;
  options.uri = config::database_uri(env, app);
  options.size = static_cast<std::size_t>(env.integer("DB_POOL_SIZE", 8, 1, 500));
  options.statement_timeout = env.milliseconds("DB_STATEMENT_TIMEOUT_MS", 5000);
  options.application_name = app + "-service";
  return options;
}

pg::PoolOptions worker_pool(pg::PoolOptions pool, int workers) {
  const auto loops = static_cast<std::size_t>(workers);
  pool.size = (pool.size + loops - 1) / loops;
  return pool;
}

}  // namespace cli

#pragma once
#include <cstdint>
#include <string>

#include "config/env.hpp"
#include "http/server.hpp"
#include "pg/options.hpp"

// Settings both services read the same way (design §7, §8); config::Error names a bad one.
namespace cli {

// PORT (default_port), HOST, HTTP_* limits and timeouts, SHUTDOWN_DEADLINE_MS.
http::ServerOptions http_settings(const config::Env& env, std::uint16_t default_port);

// WORKERS: event loops, one thread each.
int workers(const config::Env& env);

// <APP>_DB_URI or DB_URI + "/<app>", DB_POOL_SIZE, DB_STATEMENT_TIMEOUT_MS.
pg::PoolOptions database_settings(const config::Env& env, const std::string& app);

// The pool of one of `workers` event loops: DB_POOL_SIZE shared out, rounded up (at least 1 each).
pg::PoolOptions worker_pool(pg::PoolOptions pool, int workers);

}  // namespace cli

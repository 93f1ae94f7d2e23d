#pragma once
// The settings every service reads the same way (design §7, §8); config::Error names a bad one.

#include <chrono>
#include <cstdint>
#include <string>

#include "config/env.hpp"
#include "http/server.hpp"
#include "pg/options.hpp"

namespace service {

// <APP>_DB_URI or DB_URI + "/<app>", DB_POOL_SIZE, DB_POOL_WAIT_MS, DB_STATEMENT_TIMEOUT_MS, and
// <APP>_MIGRATIONS_DIR (default: the source tree's migrations of the service).
struct DatabaseSettings {
  pg::PoolOptions pool;
  std::string migrations_dir;
};
DatabaseSettings database_settings(const config::Env& env, const std::string& app,
                                   const std::string& default_migrations_dir);

// The pool of one of `workers` event loops: DB_POOL_SIZE shared out, rounded up (at least 1 each).
pg::PoolOptions worker_pool(pg::PoolOptions pool, int workers);

// PORT (default_port), HOST, HTTP_* limits and timeouts, SHUTDOWN_DEADLINE_MS.
http::ServerOptions http_settings(const config::Env& env, std::uint16_t default_port);

// WORKERS: event loops, one thread each; by default one per core (more only add context switches).
int workers(const config::Env& env);

// MQ_URI (one node or a comma-separated list), MQ_HEARTBEAT_SECONDS, MQ_PROMOTION_ROUTING_KEY,
// MQ_DELIVERY_LIMIT, MQ_QUORUM_INITIAL_GROUP_SIZE, MQ_REVOCATIONS_STREAM: the broker, the first-login queue
// (design §4) and the stream of logouts.
struct BrokerSettings {
  std::string uri;
  std::chrono::seconds heartbeat{5};
  std::string routing_key;
  std::int64_t delivery_limit = 5;
  std::int64_t quorum_group_size = 0;  // replicas of each queue and stream; 0: the broker's default
  std::string revocation_stream = "revocations";
};
BrokerSettings broker_settings(const config::Env& env);

// JWT_ISSUER, JWT_AUDIENCE, JWT_EXPIRED_MINUTES: what tokens carry and how long they live (design §3).
struct TokenSettings {
  std::string issuer;
  std::string audience;
  std::chrono::minutes lifetime{30};
  static constexpr std::chrono::seconds leeway{60};  // clock skew every verifier allows (auth::TokenVerifier)

  // How long a logout matters: a token issued now is refused by every verifier after lifetime + leeway.
  std::chrono::seconds revocation_retention() const { return lifetime + leeway; }
};
TokenSettings token_settings(const config::Env& env);

}  // namespace service

#pragma once
#include <chrono>
#include <cstdint>
#include <string>

#include "config/env.hpp"
#include "http/server.hpp"
#include "pg/options.hpp"

namespace users {

// Every setting of the users service (design §8), read once at start; config::Error names a bad one.
// What every subcommand needs: the database and its migrations.
struct DatabaseSettings {
  pg::PoolOptions pool;
  std::string migrations_dir;
};

DatabaseSettings load_database_settings(const config::Env& env);

struct Settings {
  http::ServerOptions http;
  int workers = 4;
  DatabaseSettings database;
  std::string mq_uri;
  std::string routing_key;
  std::int64_t delivery_limit = 5;
  std::string private_key;  // PEM text or path
  std::string jwt_issuer;
  std::string jwt_audience;
  std::chrono::minutes jwt_ttl{30};
  std::size_t hash_threads = 2;
  std::size_t hash_queue = 64;  // hashes waiting for a thread beyond which login/register answer 503
  std::chrono::milliseconds outbox_poll{1000};
  bool outbox_relay = true;  // off: this replica serves HTTP only (another one relays)
};

Settings load_settings(const config::Env& env);

}  // namespace users

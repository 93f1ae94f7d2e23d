#pragma once
#include <chrono>
#include <cstdint>
#include <string>

#include "config/env.hpp"
#include "http/server.hpp"
#include "pg/options.hpp"

namespace promotion {

// What every subcommand needs: the database and its migrations.
struct DatabaseSettings {
  pg::PoolOptions pool;
  std::string migrations_dir;
};

DatabaseSettings load_database_settings(const config::Env& env);

// The token checks shared by serve (design §3 "Tokens"): the public key only.
struct TokenSettings {
  std::string public_key;  // PEM text or path
  std::string issuer;
  std::string audience;
};

struct ServeSettings {
  http::ServerOptions http;
  int workers = 4;
  DatabaseSettings database;
  TokenSettings tokens;
};

ServeSettings load_serve_settings(const config::Env& env);

struct ConsumeSettings {
  DatabaseSettings database;
  std::string mq_uri;
  std::string routing_key;
  std::int64_t delivery_limit = 5;
  int tasks = 4;
  std::chrono::milliseconds shutdown_deadline{10000};
};

ConsumeSettings load_consume_settings(const config::Env& env);

}  // namespace promotion

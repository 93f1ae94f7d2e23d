#include <boost/asio/io_context.hpp>

#include <memory>
#include <vector>

#include "auth/hashing_pool.hpp"
#include "auth/keys.hpp"
#include "auth/token_issuer.hpp"
#include "auth/token_verifier.hpp"
#include "cli/common_settings.hpp"
#include "commands.hpp"
#include "http/run.hpp"
#include "http/server.hpp"
#include "logging/logging.hpp"
#include "outbox_relay.hpp"
#include "pg/pool.hpp"
#include "routes.hpp"
#include "user_store.hpp"

namespace users::commands {
namespace {

auth::PrivateKey load_private_key(const std::string& pem_or_path) {
  try {
    return auth::PrivateKey::load(pem_or_path);
  } catch (const auth::KeyError& error) {
    throw config::Error("PRIVATE_KEY", error.what());
  }
}

// One per event loop: the loop and the database connections of the requests it serves. The hashing
// pool and the token issuer and verifier are shared (thread-safe).
struct Worker {
  Worker(const pg::PoolOptions& pool_options, auth::HashingPool& hashing, const auth::TokenIssuer& issuer,
         const auth::TokenVerifier& verifier)
      : pool{io.get_executor(), pool_options}, store{pool}, service{pool, store, hashing, issuer, verifier} {}

  boost::asio::io_context io{1};
  pg::Pool pool;
  UserStore store;
  Service service;
};

}  // namespace

int serve(const Settings& settings) {
  auto web_log = logging::get(logging::Category::web);
  auto private_key = load_private_key(settings.private_key);
  auth::TokenVerifier verifier{
      {auth::PublicKey::from_private(private_key)}, settings.jwt_issuer, settings.jwt_audience};
  auth::TokenIssuer issuer{std::move(private_key), settings.jwt_issuer, settings.jwt_audience, settings.jwt_ttl};
  auth::HashingPool hashing{settings.hash_threads, settings.hash_queue};

  const auto pool_options = cli::worker_pool(settings.database.pool, settings.workers);
  std::vector<std::unique_ptr<Worker>> workers;
  std::vector<http::Shard> shards;
  std::vector<boost::asio::io_context*> loops;
  for (int i = 0; i < settings.workers; ++i) {
    auto& worker = *workers.emplace_back(std::make_unique<Worker>(pool_options, hashing, issuer, verifier));
    shards.push_back({worker.io, make_routes(worker.service)});
    loops.push_back(&worker.io);
  }
  http::Server server{std::move(shards), settings.http, web_log};
  const auto port = server.start();
  web_log->info("users-service listening on {}:{} ({} workers)", settings.http.address, port, settings.workers);

  OutboxRelay relay{{.database_uri = settings.database.pool.uri,
                     .mq_uri = settings.mq_uri,
                     .routing_key = settings.routing_key,
                     .delivery_limit = settings.delivery_limit,
                     .poll = settings.outbox_poll},
                    logging::get(logging::Category::message_queue)};
  if (settings.outbox_relay) relay.start();
  http::run_until_signal(
      loops, [&server] { server.stop(); }, settings.http.shutdown_deadline);
  relay.stop();
  web_log->info("users-service stopped");
  return 0;
}

}  // namespace users::commands

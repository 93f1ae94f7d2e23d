#include <boost/asio/io_context.hpp>

#include <memory>
#include <vector>

#include "auth/keys.hpp"
#include "auth/token_verifier.hpp"
#include "campaign_store.hpp"
#include "cli/common_settings.hpp"
#include "commands.hpp"
#include "config/error.hpp"
#include "http/run.hpp"
#include "http/server.hpp"
#include "logging/logging.hpp"
#include "pg/pool.hpp"
#include "routes.hpp"
#include "voucher_store.hpp"

namespace promotion::commands {
namespace {

auth::PublicKey load_public_key(const std::string& pem_or_path) {
  try {
    return auth::PublicKey::load(pem_or_path);
  } catch (const auth::KeyError& error) {
    throw config::Error("PUBLIC_KEY", error.what());
  }
}

// One per event loop: the loop and the database connections of the requests it serves. The token
// verifier is shared (thread-safe).
struct Worker {
  Worker(const pg::PoolOptions& pool_options, const auth::TokenVerifier& verifier)
      : pool{io.get_executor(), pool_options},
        campaigns{pool},
        vouchers{pool},
        service{pool, campaigns, vouchers, verifier} {}

  boost::asio::io_context io{1};
  pg::Pool pool;
  CampaignStore campaigns;
  VoucherStore vouchers;
  Service service;
};

}  // namespace

int serve(const ServeSettings& settings) {
  auto web_log = logging::get(logging::Category::web);
  auth::TokenVerifier verifier{
      {load_public_key(settings.tokens.public_key)}, settings.tokens.issuer, settings.tokens.audience};

  const auto pool_options = cli::worker_pool(settings.database.pool, settings.workers);
  std::vector<std::unique_ptr<Worker>> workers;
  std::vector<http::Shard> shards;
  std::vector<boost::asio::io_context*> loops;
  for (int i = 0; i < settings.workers; ++i) {
    auto& worker = *workers.emplace_back(std::make_unique<Worker>(pool_options, verifier));
    shards.push_back({worker.io, make_routes(worker.service)});
    loops.push_back(&worker.io);
  }
  http::Server server{std::move(shards), settings.http, web_log};
  const auto port = server.start();
  web_log->info("promotion-service listening on {}:{} ({} workers)", settings.http.address, port, settings.workers);
  http::run_until_signal(
      loops, [&server] { server.stop(); }, settings.http.shutdown_deadline);
  web_log->info("promotion-service stopped");
  return 0;
}

}  // namespace promotion::commands

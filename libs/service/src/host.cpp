#include "service/host.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "docs_page.hpp"
#include "http/run.hpp"
#include "http/server.hpp"
#include "logging/logging.hpp"
#include "metrics/build_info.hpp"
#include "metrics/cells.hpp"
#include "metrics/process_metrics.hpp"
#include "metrics/registry.hpp"
#include "openapi.hpp"
#include "operations_routes.hpp"
#include "pg/notices.hpp"
#include "server_hooks.hpp"
#include "service/pool_metrics.hpp"
#include "service/worker.hpp"

namespace service {

Host::Host(const Definition& definition, config::Env env)
    : definition_(definition),
      env_(std::move(env)),
      metrics_(std::make_unique<metrics::Registry>(static_cast<std::size_t>(workers(env_)))),
      openapi_(std::make_shared<const std::string>(merge_openapi(definition.openapi, host_openapi))) {
  metrics::add_process_metrics(*metrics_);
  metrics::add_build_info(*metrics_, PROJECT_VERSION, BUILD_COMMIT);
  metrics_->counter_callback("db_unreplicated_commits_total",
                             "Commits whose synchronous replication was cancelled: on the primary only",
                             [] { return static_cast<double>(pg::unreplicated_commit_warnings()); });
  pg::on_unreplicated_commit([](const std::string& message) {
    logging::get(logging::Category::web)
        ->error("database: {} (the transaction committed on the primary only; a failover now could lose it)", message);
  });
}

Host::~Host() = default;

DatabaseSettings Host::database() const { return database_settings(env_, definition_.app, definition_.migrations_dir); }

int Host::serve(const std::function<void(Worker&)>& add_routes) {
  auto web_log = logging::get(logging::Category::web);
  const auto options = http_settings(env_, definition_.port);
  const int count = workers(env_);
  const auto pool = worker_pool(database().pool, count);

  std::vector<std::unique_ptr<Worker>> workers;
  std::vector<http::Shard> shards;
  std::vector<boost::asio::io_context*> loops;
  std::vector<const pg::Pool*> pools;
  for (int i = 0; i < count; ++i) {
    auto& worker = *workers.emplace_back(std::make_unique<Worker>(pool));
    add_worker_routes(worker, add_routes);
    boost::asio::post(worker.io(), [i] { metrics::bind_thread_to_shard(static_cast<std::size_t>(i)); });
    shards.push_back({worker.io(), std::move(worker.router())});
    loops.push_back(&worker.io());
    pools.push_back(&worker.pool());
  }
  add_pool_metrics(*metrics_, pools);
  http::Server server{std::move(shards), options, web_log, server_hooks(*metrics_, web_log)};
  metrics_->gauge_callback("http_connections_open", "HTTP connections open",
                           [&server] { return static_cast<double>(server.active_connections()); });
  const auto port = server.start();
  web_log->info("{}-service listening on {}:{} ({} workers)", app(), options.address, port, count);
  http::run_until_signal(
      loops, [&server] { server.stop(); }, options.shutdown_deadline);
  web_log->info("{}-service stopped", app());
  return 0;
}

void Host::add_readiness_check(std::string name, std::function<bool()> ready) {
  readiness_checks_.push_back(
      {std::move(name), [ready = std::move(ready)]() -> boost::asio::awaitable<bool> { co_return ready(); }});
}

void Host::add_worker_routes(Worker& worker, const std::function<void(Worker&)>& add_routes) {
  if (!docs_) {
    const auto swagger_ui_dir = env_.string("SWAGGER_UI_DIR", SWAGGER_UI_DIR);
    docs_ = load_docs_files(swagger_ui_dir);
    if (!docs_->by_name.contains("swagger-ui-bundle.js")) {
      logging::get(logging::Category::web)
          ->warn("/docs has no Swagger UI: {} lacks swagger-ui-bundle.js (run scripts/install-npm.sh)", swagger_ui_dir);
    }
  }
  add_routes(worker);
  auto& pool = worker.pool();
  std::vector<http::ReadinessCheck> checks{{"database", [&pool] { return pool.ping(); }}};
  checks.insert(checks.end(), readiness_checks_.begin(), readiness_checks_.end());
  add_operations_routes(worker.router(), std::move(checks), *metrics_);
  add_documentation_routes(worker.router(), openapi_, docs_);
}

std::shared_ptr<http::Server> Host::serve_operations(boost::asio::io_context& io,
                                                     std::vector<http::ReadinessCheck> checks,
                                                     std::uint16_t default_port) {
  auto log = logging::get(logging::Category::web);
  auto options = http_settings(env_, default_port);
  options.port = static_cast<std::uint16_t>(env_.integer("METRICS_PORT", default_port, 0, 65535));
  http::Router router;
  add_operations_routes(router, std::move(checks), *metrics_);
  std::vector<http::Shard> shards;
  shards.push_back({io, std::move(router)});
  auto server = std::make_shared<http::Server>(std::move(shards), options, log, server_hooks(*metrics_, log));
  metrics_->gauge_callback("http_connections_open", "HTTP connections open", [server = std::weak_ptr(server)] {
    const auto alive = server.lock();
    return alive ? static_cast<double>(alive->active_connections()) : 0.0;
  });
  const auto port = server->start();
  log->info("{}-service operations listener on {}:{}", app(), options.address, port);
  return server;
}

}  // namespace service

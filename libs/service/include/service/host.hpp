#pragma once
// The host every service runs on: its settings, metrics, logs, and the loops that serve its routes.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "config/env.hpp"
#include "http/health.hpp"
#include "service/main.hpp"
#include "service/settings.hpp"

namespace boost::asio {
class io_context;
}
namespace http {
class Server;
}
namespace metrics {
class Registry;
}

namespace service {

class Worker;
struct DocsFiles;

class Host {
 public:
  Host(const Definition& definition, config::Env env);
  ~Host();
  Host(const Host&) = delete;
  Host& operator=(const Host&) = delete;

  const std::string& app() const { return definition_.app; }
  const config::Env& env() const { return env_; }
  metrics::Registry& metrics() { return *metrics_; }
  DatabaseSettings database() const;
  // The service's OpenAPI document merged with the routes every service has (JSON).
  const std::string& openapi() const { return *openapi_; }

  // `serve`: the HTTP API on PORT until SIGINT/SIGTERM, on WORKERS event loops. Each loop gets its share
  // of the database pool, the routes `add_routes` adds for it, and /healthz, /readyz (the database),
  // /metrics, /openapi.json and /docs. A database that is unavailable answers 503 with Retry-After.
  int serve(const std::function<void(Worker& worker)>& add_routes);
  // Adds a dependency every worker's /readyz names besides the database (call before serve).
  void add_readiness_check(std::string name, std::function<bool()> ready);
  // The routes of one worker of `serve`: the service's own (`add_routes`), then /healthz, /readyz (the
  // worker's database), /metrics, /openapi.json, /docs and /docs/{file}.
  void add_worker_routes(Worker& worker, const std::function<void(Worker& worker)>& add_routes);

  // For a process without an API (the consumer): /healthz, /readyz (naming `checks`) and /metrics on
  // METRICS_PORT (default `default_port`), served on `io`. Listening when this returns; stops when destroyed.
  std::shared_ptr<http::Server> serve_operations(boost::asio::io_context& io, std::vector<http::ReadinessCheck> checks,
                                                 std::uint16_t default_port);

 private:
  const Definition& definition_;
  config::Env env_;
  std::unique_ptr<metrics::Registry> metrics_;
  std::shared_ptr<const std::string> openapi_;          // shared with every worker's /openapi.json
  std::shared_ptr<const DocsFiles> docs_;               // loaded by the first add_worker_routes
  std::vector<http::ReadinessCheck> readiness_checks_;  // beyond the database
};

}  // namespace service

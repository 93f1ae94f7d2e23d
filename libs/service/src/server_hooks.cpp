#include "server_hooks.hpp"

#include <spdlog/logger.h>

#include <map>
#include <tuple>

#include "http/json_response.hpp"
#include "metrics/registry.hpp"
#include "pg/error.hpp"

namespace service {
namespace {

// The children of one server's request metrics, looked up once per (method, route, status) on each
// thread, so the request path takes no lock.
class RequestMetrics {
 public:
  explicit RequestMetrics(metrics::Registry& registry)
      : requests_(registry.counter_family("http_requests_total", "HTTP requests answered, by route pattern",
                                          {"method", "route", "status"})),
        durations_(registry.histogram_family("http_request_duration_seconds",
                                             "Time from the first byte of a request to its answer", {"route"},
                                             metrics::latency_buckets())) {}

  void observe(const http::Exchange& exchange) {
    using Key = std::tuple<const RequestMetrics*, std::string, std::string, unsigned>;
    thread_local std::map<Key, std::pair<metrics::Counter*, metrics::Histogram*>, std::less<>> children;
    const auto key = std::make_tuple(this, exchange.method, exchange.route, exchange.status);
    auto found = children.find(key);
    if (found == children.end()) {
      auto& requests = requests_.labels(
          {std::string(exchange.method), std::string(exchange.route), std::to_string(exchange.status)});
      auto& duration = durations_.labels({std::string(exchange.route)});
      found = children
                  .emplace(Key{this, std::string(exchange.method), std::string(exchange.route), exchange.status},
                           std::pair{&requests, &duration})
                  .first;
    }
    found->second.first->inc();
    found->second.second->observe(exchange.latency_ms / 1000);
  }

 private:
  metrics::Family<metrics::Counter>& requests_;
  metrics::Family<metrics::Histogram>& durations_;
};

}  // namespace

http::ServerHooks server_hooks(metrics::Registry& registry, std::shared_ptr<spdlog::logger> web_log) {
  auto& database_unavailable =
      registry
          .counter_family("dependency_unavailable_total", "Requests answered 503 because a dependency was unavailable",
                          {"dependency"})
          .labels({"database"});
  auto request_metrics = std::make_shared<RequestMetrics>(registry);
  http::ServerHooks hooks;
  hooks.answer_failure = [&database_unavailable, web_log](
                             const std::exception& failure,
                             std::string_view request_id) -> std::optional<http::Response> {
    const auto* database_error = dynamic_cast<const pg::Error*>(&failure);
    if (database_error == nullptr || !pg::is_unavailable(*database_error)) return std::nullopt;
    database_unavailable.inc();
    web_log->warn("database unavailable rid={}: {}", request_id, failure.what());
    return http::unavailable("database unavailable, retry later", database_retry_after_seconds);
  };
  hooks.on_exchange = [request_metrics](const http::Exchange& exchange) { request_metrics->observe(exchange); };
  return hooks;
}

}  // namespace service

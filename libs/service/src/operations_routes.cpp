#include "operations_routes.hpp"

#include "metrics/registry.hpp"

namespace service {
namespace {

http::Response text(std::string content_type, std::string body) {
  http::Response response{http::Status::ok, 11};
  response.set(http::Field::content_type, content_type);
  response.set(http::Field::cache_control, "no-store");
  response.body() = std::move(body);
  return response;
}

boost::asio::awaitable<http::Response> scrape(const metrics::Registry& registry, http::RequestContext) {
  co_return text("text/plain; version=0.0.4; charset=utf-8", registry.scrape());
}

boost::asio::awaitable<http::Response> document(std::shared_ptr<const std::string> openapi, http::RequestContext) {
  co_return text("application/json", *openapi);
}

}  // namespace

void add_operations_routes(http::Router& router, std::vector<http::ReadinessCheck> checks,
                           const metrics::Registry& registry) {
  router.add(http::Verb::get, "/healthz", http::liveness());
  router.add(http::Verb::get, "/readyz", http::readiness(std::move(checks)));
  router.add(http::Verb::get, "/metrics",
             [&registry](http::RequestContext context) { return scrape(registry, std::move(context)); });
}

void add_documentation_routes(http::Router& router, std::shared_ptr<const std::string> openapi,
                              std::shared_ptr<const DocsFiles> docs) {
  router.add(http::Verb::get, "/openapi.json",
             [openapi](http::RequestContext context) { return document(openapi, std::move(context)); });
  router.add(http::Verb::get, "/docs", docs_page(docs));
  router.add(http::Verb::get, "/docs/{file}", docs_file(std::move(docs)));
}

}  // namespace service

#pragma once
// Internal: the routes every process has.

#include <memory>
#include <string>
#include <vector>

#include "docs_page.hpp"
#include "http/health.hpp"
#include "http/router.hpp"

namespace metrics {
class Registry;
}

namespace service {

// GET /healthz, GET /readyz (naming `checks`), GET /metrics (the registry's exposition).
void add_operations_routes(http::Router& router, std::vector<http::ReadinessCheck> checks,
                           const metrics::Registry& registry);

// GET /openapi.json and GET /docs, /docs/{file}.
void add_documentation_routes(http::Router& router, std::shared_ptr<const std::string> openapi,
                              std::shared_ptr<const DocsFiles> docs);

}  // namespace service

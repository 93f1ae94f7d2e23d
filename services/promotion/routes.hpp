#pragma once
#include "http/router.hpp"
#include "service.hpp"

namespace promotion {

// The endpoint table of design §3 "promotion"; the host adds /healthz, /readyz, /metrics, /openapi.json, /docs.
void add_routes(http::Router& router, Service& context);

}  // namespace promotion

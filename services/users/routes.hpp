#pragma once
#include "http/router.hpp"
#include "service.hpp"

namespace users {

// The endpoint table of design §3 "users"; the host adds /healthz, /readyz, /metrics, /openapi.json, /docs.
void add_routes(http::Router& router, Service& context);

}  // namespace users

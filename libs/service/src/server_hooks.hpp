#pragma once
// Internal: what the host adds to every HTTP server: 503 for an unavailable dependency, request metrics.

#include <spdlog/fwd.h>

#include <memory>

#include "http/server.hpp"

namespace metrics {
class Registry;
}

namespace service {

// Seconds a client is told to wait (Retry-After) when the database is unavailable.
inline constexpr int database_retry_after_seconds = 5;

// answer_failure: a pg::Error that says the database is unavailable (pg::is_unavailable) answers 503 with
// Retry-After, counted in dependency_unavailable_total and logged at warn; anything else stays a bug (500).
// on_exchange: http_requests_total{method,route,status} and http_request_duration_seconds{route}.
http::ServerHooks server_hooks(metrics::Registry& metrics, std::shared_ptr<spdlog::logger> web_log);

}  // namespace service

#pragma once
// Internal: an answer as the bytes the connection sends.

#include "http/message.hpp"

#include <string>
#include <string_view>

namespace http {

// Whether an answer with `status` may carry a body (RFC 9110: not 1xx, 204 or 304).
bool may_have_body(Status status);

// Status line (HTTP/1.0 or 1.1 as `version`), the response's fields except Content-Length and Connection,
// which come from the body and `keep_alive` instead, X-Request-Id, the body: one buffer, one write, and
// no field set per request (docs/benchmarks.md, B1).
std::string serialize(const Response& response, unsigned version, bool keep_alive, std::string_view request_id);

}  // namespace http

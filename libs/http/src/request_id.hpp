#pragma once
// Internal: the request id of design §9, echoed in X-Request-Id.

#include "http/message.hpp"

#include <string>

namespace http {

// The client's X-Request-Id when it is 1-64 chars of [A-Za-z0-9._-], else 16 random hex chars.
std::string request_id_for(const Request& request);

}  // namespace http

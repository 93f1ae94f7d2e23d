#pragma once
#include <boost/asio/awaitable.hpp>
#include <functional>

#include "http/message.hpp"

namespace http {

// GET /healthz: 200 while the process serves requests.
Handler liveness();

// GET /readyz: 200 when `check` says the service's dependencies answer, else 503.
Handler readiness(std::function<boost::asio::awaitable<bool>()> check);

}  // namespace http

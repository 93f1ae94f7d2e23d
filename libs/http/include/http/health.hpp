#pragma once
#include <boost/asio/awaitable.hpp>
#include <functional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace http {

// One dependency named by /readyz, e.g. {"database", ping}.
struct ReadinessCheck {
  std::string name;
  std::function<boost::asio::awaitable<bool>()> ready;
};

// GET /healthz: 200 while the process serves requests.
Handler liveness();

// GET /readyz: 200 {"checks":{name:"ok"}} when every check passes; else 503 with Retry-After, naming the
// failed ones in the message ("not ready: database") and in "checks" ("unavailable").
Handler readiness(std::vector<ReadinessCheck> checks);

}  // namespace http

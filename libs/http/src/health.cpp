#include "http/health.hpp"

#include "http/json_response.hpp"

namespace http {
namespace {

boost::asio::awaitable<Response> alive(RequestContext) { co_return success(Status::ok, boost::json::object{}); }

boost::asio::awaitable<Response> ready(std::function<boost::asio::awaitable<bool>()> check, RequestContext) {
  // A named local, not `if (co_await ...)`: g++ 12 miscompiles co_await inside an if condition.
  const bool is_ready = co_await check();
  if (is_ready) co_return success(Status::ok, boost::json::object{});
  co_return error(Status::service_unavailable, "not ready");
}

}  // namespace

Handler liveness() { return alive; }

Handler readiness(std::function<boost::asio::awaitable<bool>()> check) {
  return [check = std::move(check)](RequestContext context) { return ready(check, std::move(context)); };
}

}  // namespace http

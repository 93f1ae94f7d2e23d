#include "http/health.hpp"

#include "http/json_response.hpp"

namespace http {
namespace {

constexpr int retry_after_seconds = 5;

boost::asio::awaitable<Response> alive(RequestContext) {
  static const Response answer = success(Status::ok, boost::json::object{});  // always the same: built once
  co_return answer;
}

boost::asio::awaitable<Response> ready(std::vector<ReadinessCheck> checks, RequestContext) {
  boost::json::object states;
  std::string failed;
  for (const auto& check : checks) {
    // A named local, not `if (co_await ...)`: g++ 12 miscompiles co_await inside an if condition.
    const bool is_ready = co_await check.ready();
    states[check.name] = is_ready ? "ok" : "unavailable";
    if (!is_ready) failed += (failed.empty() ? "" : ", ") + check.name;
  }
  if (failed.empty()) co_return success(Status::ok, "checks", std::move(states));
  Response response =
      json(Status::service_unavailable, {{"status", "error"}, {"message", "not ready: " + failed}, {"checks", states}});
  response.set(Field::retry_after, std::to_string(retry_after_seconds));
  co_return response;
}

}  // namespace

Handler liveness() { return alive; }

Handler readiness(std::vector<ReadinessCheck> checks) {
  return [checks = std::move(checks)](RequestContext context) { return ready(checks, std::move(context)); };
}

}  // namespace http

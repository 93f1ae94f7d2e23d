#include "dispatch.hpp"

#include "http/json_response.hpp"
#include "wire.hpp"

#include <spdlog/spdlog.h>

#include <exception>
#include <stdexcept>

namespace http {
namespace {

Response method_not_allowed(const std::vector<Verb>& allowed) {
  Response response = error(Status::method_not_allowed, "method not allowed");
  std::string allow;
  for (const Verb verb : allowed) {
    if (!allow.empty()) allow += ", ";
    allow += boost::beast::http::to_string(verb);
  }
  response.set(Field::allow, allow);
  return response;
}

}  // namespace

boost::asio::awaitable<Dispatched> dispatch(const Router& router, const ServerHooks& hooks, spdlog::logger& web_log,
                                            Request request, std::string_view request_id, std::string_view remote) {
  const auto target = request.target();
  auto match = router.match(request.method(), std::string_view{target.data(), target.size()});
  if (match.handler == nullptr) {
    co_return Dispatched{match.path_known ? method_not_allowed(match.allowed) : error(Status::not_found, "not found"),
                         "unmatched"};
  }
  // A named local, not a braced temporary in the co_await: g++ 12 double-destroys the latter.
  RequestContext context{std::move(request), std::move(match.params), std::string(request_id), std::string(remote)};
  try {
    Response response = co_await (*match.handler)(std::move(context));
    if (!may_have_body(response.result()) && !response.body().empty())  // a handler bug, answered 500
      throw std::logic_error("a body on a 1xx, 204 or 304 answer");
    co_return Dispatched{std::move(response), match.route};
  } catch (const std::exception& e) {
    auto answer = hooks.answer_failure ? hooks.answer_failure(e, request_id) : std::nullopt;
    if (answer) co_return Dispatched{std::move(*answer), match.route};
    web_log.error("handler failed rid={}: {}", request_id, e.what());
  } catch (...) {
    web_log.error("handler failed rid={}: unknown exception", request_id);
  }
  co_return Dispatched{error(Status::internal_server_error, "internal error"), match.route};
}

}  // namespace http

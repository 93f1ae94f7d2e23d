#include "authenticate.hpp"
#include "handlers.hpp"
#include "http/json_response.hpp"
#include "user_store.hpp"

namespace users::handlers {

boost::asio::awaitable<http::Response> me(Service& service, http::RequestContext context) {
  auto claims = co_await authenticate(service, context.request);
  if (!claims) co_return to_response(claims.error());
  auto user = co_await service.store.find(claims->sub);
  if (!user) co_return to_response(Failure::unauthorized);
  co_return http::success(http::Status::ok, "user", to_json(*user));
}

}  // namespace users::handlers

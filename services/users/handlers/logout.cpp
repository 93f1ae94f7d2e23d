#include <chrono>

#include "authenticate.hpp"
#include "handlers.hpp"
#include "http/field_reader.hpp"
#include "http/json_response.hpp"
#include "revocation_store.hpp"

namespace users::handlers {

// 204 once the revocation is committed: this service refuses the token from then on, promotion replicas
// within a second (the relay carries it to the revocations stream). The body is optional.
boost::asio::awaitable<http::Response> logout(Service& service, http::RequestContext context) {
  bool everywhere = false;
  if (!context.request.body().empty()) {
    auto body = http::parse_json_object(context.request.body());
    if (!body) co_return http::error(http::Status::bad_request, "malformed JSON");
    http::FieldReader reader{*body};
    const auto flag = reader.boolean("everywhere", http::Presence::optional);
    if (reader.failed()) co_return http::validation_error(std::move(reader).errors());
    everywhere = flag.value_or(false);
  }
  auto claims = co_await authenticate(service, context.request);
  if (!claims) co_return to_response(claims.error());
  if (everywhere || claims->jti.empty()) {
    co_await service.revocations.revoke_user(claims->sub, std::chrono::system_clock::now());
  } else {
    co_await service.revocations.revoke_token(std::move(*claims));
  }
  http::Response response{http::Status::no_content, 11};
  response.set(http::Field::cache_control, "no-store");
  co_return response;
}

}  // namespace users::handlers

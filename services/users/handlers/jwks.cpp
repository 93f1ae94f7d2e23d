#include "handlers.hpp"
#include "key_publication.hpp"

namespace users::handlers {

// The verification keys as a JSON Web Key Set (RFC 7517), cacheable for the configured max-age.
boost::asio::awaitable<http::Response> jwks(Service& service, http::RequestContext) {
  http::Response response{http::Status::ok, 11};
  response.set(http::Field::content_type, "application/json");
  response.set(http::Field::cache_control, service.keys.cache_control);
  response.body() = service.keys.jwks;
  co_return response;
}

}  // namespace users::handlers

#include "authenticate.hpp"

#include <chrono>

#include "auth/token_verifier.hpp"
#include "http/json_response.hpp"
#include "revocation_store.hpp"

namespace users {

boost::asio::awaitable<boost::system::result<auth::Claims, Failure>> authenticate(Service& service,
                                                                                  const http::Request& request) {
  auto claims = service.verifier.verify(http::bearer_token(request).value_or(""), std::chrono::system_clock::now());
  if (!claims) co_return Failure::unauthorized;
  if (co_await service.revocations.revoked(*claims)) co_return Failure::unauthorized;
  co_return std::move(*claims);
}

}  // namespace users

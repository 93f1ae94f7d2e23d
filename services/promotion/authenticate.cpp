#include "authenticate.hpp"

#include <chrono>

#include "auth/token_verifier.hpp"
#include "http/json_response.hpp"

namespace promotion {

boost::system::result<auth::Claims, Failure> authenticate(const auth::TokenVerifier& verifier,
                                                          const http::Request& request) {
  auto token = http::bearer_token(request);
  if (!token) return Failure::unauthorized;
  auto claims = verifier.verify(*token, std::chrono::system_clock::now());
  if (!claims) return Failure::unauthorized;
  return std::move(*claims);
}

boost::system::result<auth::Claims, Failure> authenticate_admin(const auth::TokenVerifier& verifier,
                                                                const http::Request& request) {
  auto claims = authenticate(verifier, request);
  if (claims && !claims->is_admin) return Failure::forbidden;
  return claims;
}

}  // namespace promotion

#include "authenticate.hpp"

#include <chrono>

#include "auth/revocation_list.hpp"
#include "auth/token_verifier.hpp"
#include "http/json_response.hpp"

namespace promotion {

boost::system::result<auth::Claims, Failure> authenticate(const TokenCheck& tokens, const http::Request& request) {
  auto token = http::bearer_token(request);
  if (!token) return Failure::unauthorized;
  auto claims = tokens.verifier.verify(*token, std::chrono::system_clock::now());
  if (!claims) return Failure::unauthorized;
  if (!tokens.revocations_loaded()) return Failure::tokens_unchecked;
  if (tokens.revocations.revoked(*claims)) return Failure::unauthorized;
  return std::move(*claims);
}

boost::system::result<auth::Claims, Failure> authenticate_admin(const TokenCheck& tokens,
                                                                const http::Request& request) {
  auto claims = authenticate(tokens, request);
  if (claims && !claims->is_admin) return Failure::forbidden;
  return claims;
}

}  // namespace promotion

#pragma once
#include <boost/system/result.hpp>

#include "auth/claims.hpp"
#include "errors.hpp"
#include "http/message.hpp"

namespace auth {
class TokenVerifier;
}

namespace promotion {

// The claims of the request's Bearer token; unauthorized when it is missing or rejected (one answer for
// every reason). The caller is always the token's `sub`.
boost::system::result<auth::Claims, Failure> authenticate(const auth::TokenVerifier& verifier,
                                                          const http::Request& request);

// As authenticate, and forbidden when the valid token is not an administrator's.
boost::system::result<auth::Claims, Failure> authenticate_admin(const auth::TokenVerifier& verifier,
                                                                const http::Request& request);

}  // namespace promotion

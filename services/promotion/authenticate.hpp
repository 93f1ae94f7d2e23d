#pragma once
#include <boost/system/result.hpp>

#include <functional>

#include "auth/claims.hpp"
#include "errors.hpp"
#include "http/message.hpp"

namespace auth {
class RevocationList;
class TokenVerifier;
}  // namespace auth

namespace promotion {

// What a request's token is checked against: signature and claims, then the logouts followed from the stream.
struct TokenCheck {
  const auth::TokenVerifier& verifier;
  const auth::RevocationList& revocations;
  std::function<bool()> revocations_loaded;  // false until the follower caught up with the stream
};

// The claims of the request's Bearer token; unauthorized when it is missing, rejected or revoked (one answer
// for every reason); tokens_unchecked while the logouts are not loaded. The caller is always the token's `sub`.
// No I/O: the verifier and the revocation list are in memory.
boost::system::result<auth::Claims, Failure> authenticate(const TokenCheck& tokens, const http::Request& request);

// As authenticate, and forbidden when the valid token is not an administrator's.
boost::system::result<auth::Claims, Failure> authenticate_admin(const TokenCheck& tokens, const http::Request& request);

}  // namespace promotion

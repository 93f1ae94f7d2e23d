#include "auth/token_error.hpp"

#include <boost/system/system_error.hpp>
#include <boost/throw_exception.hpp>

#include <string>

namespace auth {
namespace {

// Boost's error_category has a protected non-virtual destructor by design; categories are never deleted.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"
class TokenErrorCategory final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "auth.token"; }

  std::string message(int value) const override {
    switch (static_cast<TokenError>(value)) {
      case TokenError::malformed:
        return "malformed token";
      case TokenError::bad_algorithm:
        return "token algorithm is not RS256";
      case TokenError::unknown_key:
        return "token key id is unknown";
      case TokenError::bad_signature:
        return "token signature is invalid";
      case TokenError::expired:
        return "token has expired";
      case TokenError::not_yet_valid:
        return "token is not yet valid";
      case TokenError::wrong_issuer:
        return "token issuer is not accepted";
      case TokenError::wrong_audience:
        return "token audience is not accepted";
      case TokenError::missing_claim:
        return "token lacks a required claim";
    }
    return "unknown token error";
  }
};
#pragma GCC diagnostic pop

}  // namespace

const boost::system::error_category& token_error_category() noexcept {
  static const TokenErrorCategory category;
  return category;
}

void throw_exception_from_error(TokenError e, const boost::source_location& loc) {
  boost::throw_with_location(boost::system::system_error(make_error_code(e)), loc);
}

}  // namespace auth

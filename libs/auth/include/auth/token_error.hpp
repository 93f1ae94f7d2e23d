// Why a token was rejected; an error_code enum so results and logs can carry it.
#pragma once

#include <boost/assert/source_location.hpp>
#include <boost/system/error_code.hpp>

#include <type_traits>

namespace auth {

enum class TokenError {
  malformed = 1,
  bad_algorithm,
  unknown_key,
  bad_signature,
  expired,
  not_yet_valid,
  wrong_issuer,
  wrong_audience,
  missing_claim,
};

const boost::system::error_category& token_error_category() noexcept;

inline boost::system::error_code make_error_code(TokenError e) noexcept {
  return {static_cast<int>(e), token_error_category()};
}

// Lets result<T, TokenError>::value() throw boost::system::system_error on an error.
[[noreturn]] void throw_exception_from_error(TokenError e, const boost::source_location& loc);

}  // namespace auth

template <>
struct boost::system::is_error_code_enum<auth::TokenError> : std::true_type {};

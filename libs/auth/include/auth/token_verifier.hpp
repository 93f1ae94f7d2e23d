// Verifies RS256 access tokens against a fixed set of public keys (design §3 "Tokens").
#pragma once

#include "auth/claims.hpp"
#include "auth/keys.hpp"
#include "auth/token_error.hpp"
#include "auth/verified_token_cache.hpp"

#include <boost/system/result.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace auth {

class TokenVerifier {
 public:
  // Longest accepted token, in bytes.
  static constexpr std::size_t max_token_size = 8 * 1024;
  static constexpr std::chrono::seconds max_leeway{60};

  // keys must not be empty and leeway must lie in [0, 60 s]; throws std::invalid_argument otherwise.
  TokenVerifier(std::vector<PublicKey> keys, std::string issuer, std::string audience,
                std::chrono::seconds leeway = max_leeway);

  // Pins RS256, resolves kid only among our keys, requires sub, exp, iss and aud, allows at most
  // `leeway` of clock skew on exp, nbf and iat; ignores jku, x5u and jwk. A token verified before
  // is answered from a bounded cache until it expires.
  boost::system::result<Claims, TokenError> verify(std::string_view token,
                                                   std::chrono::system_clock::time_point now) const;

 private:
  boost::system::result<Claims, TokenError> check(std::string_view token,
                                                  std::chrono::system_clock::time_point now) const;

  static constexpr std::size_t cache_capacity = 10000;
  mutable VerifiedTokenCache cache_;
  std::unordered_map<std::string, PublicKey> keys_;  // by kid
  std::string issuer_;
  std::string audience_;
  std::chrono::seconds leeway_;
};

}  // namespace auth

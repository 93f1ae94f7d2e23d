// Verifies RS256 access tokens against a key ring: fixed keys, or a set a refresher replaces (design §3 "Tokens").
#pragma once

#include "auth/claims.hpp"
#include "auth/key_ring.hpp"
#include "auth/keys.hpp"
#include "auth/token_error.hpp"
#include "auth/verified_token_cache.hpp"

#include <boost/system/result.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
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
  // Against whatever `keys` holds at each call (it may start empty); leeway as above.
  TokenVerifier(std::shared_ptr<const KeyRing> keys, std::string issuer, std::string audience,
                std::chrono::seconds leeway = max_leeway);

  // Pins RS256, resolves kid only among our keys, requires sub, exp, iss and aud, allows at most
  // `leeway` of clock skew on exp, nbf and iat; ignores jku, x5u and jwk. A token verified before
  // is answered from a bounded cache until it expires or the key set changes. An unknown kid is reported
  // to the ring (so a refresher can look for the key) and refused.
  boost::system::result<Claims, TokenError> verify(std::string_view token,
                                                   std::chrono::system_clock::time_point now) const;

 private:
  boost::system::result<Claims, TokenError> check(const KeySet& keys, std::string_view token,
                                                  std::chrono::system_clock::time_point now) const;

  static constexpr std::size_t cache_capacity = 10000;
  mutable VerifiedTokenCache cache_;
  std::shared_ptr<const KeyRing> keys_;
  std::string issuer_;
  std::string audience_;
  std::chrono::seconds leeway_;
};

}  // namespace auth

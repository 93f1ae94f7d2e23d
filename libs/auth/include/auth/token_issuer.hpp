// Issues RS256 access tokens (design §3 "Tokens").
#pragma once

#include "auth/keys.hpp"

#include <chrono>
#include <string>

namespace auth {

class TokenIssuer {
 public:
  // ttl must be positive; throws std::invalid_argument otherwise.
  TokenIssuer(PrivateKey key, std::string issuer, std::string audience, std::chrono::minutes ttl);

  // A compact JWS: header {alg: RS256, typ: JWT, kid}; claims iss, aud, sub, iat, exp = iat + ttl,
  // jti (random UUID v4), is_admin, identifier.
  std::string issue(std::string sub, bool is_admin, std::string identifier,
                    std::chrono::system_clock::time_point now) const;

  std::chrono::minutes ttl() const noexcept { return ttl_; }
  const std::string& kid() const noexcept { return kid_; }

 private:
  PrivateKey key_;
  std::string kid_;
  std::string encoded_header_;
  std::string issuer_;
  std::string audience_;
  std::chrono::minutes ttl_;
};

}  // namespace auth

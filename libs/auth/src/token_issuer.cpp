#include "auth/token_issuer.hpp"

#include "base64url.hpp"
#include "rs256.hpp"

#include <openssl/err.h>
#include <openssl/rand.h>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <array>
#include <cstdio>
#include <stdexcept>

namespace auth {
namespace {

// RFC 4122 version 4 UUID from OpenSSL's CSPRNG, lowercase hex.
std::string random_uuid() {
  std::array<unsigned char, 16> b{};
  if (RAND_bytes(b.data(), static_cast<int>(b.size())) != 1) {
    ERR_clear_error();
    throw std::runtime_error("random number generator failed");
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  std::array<char, 37> text{};
  std::snprintf(text.data(), text.size(), "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0],
                b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
  return std::string(text.data(), 36);
}

}  // namespace

TokenIssuer::TokenIssuer(PrivateKey key, std::string issuer, std::string audience, std::chrono::minutes ttl)
    : key_(std::move(key)),
      kid_(PublicKey::from_private(key_).kid()),
      issuer_(std::move(issuer)),
      audience_(std::move(audience)),
      ttl_(ttl) {
  if (ttl_ <= std::chrono::minutes::zero()) throw std::invalid_argument("token ttl must be positive");
  const boost::json::object header{{"alg", "RS256"}, {"typ", "JWT"}, {"kid", kid_}};
  encoded_header_ = detail::base64url_encode(boost::json::serialize(header));
}

std::string TokenIssuer::issue(std::string sub, bool is_admin, std::string identifier,
                               std::chrono::system_clock::time_point now) const {
  const auto iat = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  const auto exp = iat + std::chrono::duration_cast<std::chrono::seconds>(ttl_).count();
  const boost::json::object payload{
      {"iss", issuer_}, {"aud", audience_},     {"sub", std::move(sub)}, {"iat", iat},
      {"exp", exp},     {"jti", random_uuid()}, {"is_admin", is_admin},  {"identifier", std::move(identifier)}};
  std::string token = encoded_header_ + '.' + detail::base64url_encode(boost::json::serialize(payload));
  const std::string signature = detail::rs256_sign(key_.native(), token);
  token += '.';
  token += detail::base64url_encode(signature);
  return token;
}

}  // namespace auth

// Fuzz target: a bearer token through auth::TokenVerifier::verify, as the promotion service checks it, with
// the test-only key fuzz/token_verifier_key.pem and a fixed clock. Two rules keep it useful:
//  - a token with an empty signature ("header.payload.") and an acceptable header is also verified once
//    signed with that key, so the claim checks behind the signature are reached, which no forged input could do;
//  - a second verify (answered from the verifier's cache when the first succeeded) must give the same result.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "auth/keys.hpp"
#include "auth/token_verifier.hpp"
#include "base64url.hpp"
#include "rs256.hpp"

namespace fuzz {
extern const std::string_view token_verifier_key;
}

namespace {

// 2026-01-01T00:00:00Z; the corpus' valid token was issued a minute before.
constexpr std::chrono::system_clock::time_point now{std::chrono::seconds{1767225600}};

const auth::PrivateKey& private_key() {
  static const auto key = auth::PrivateKey::load(fuzz::token_verifier_key);
  return key;
}

// A fresh verifier per token, so that no input depends on what an earlier one left in the cache.
boost::system::result<auth::Claims, auth::TokenError> verify(std::string_view token) {
  static const auto public_key = auth::PublicKey::from_private(private_key());
  const auth::TokenVerifier verifier{{public_key}, "bank-users", "bank"};
  const auto first = verifier.verify(token, now);
  if (verifier.verify(token, now) != first) std::abort();
  return first;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view token{reinterpret_cast<const char*>(data), size};
  const auto result = verify(token);
  // Signing is slow: only a token refused for its signature alone (header accepted) is worth it.
  if (result.has_error() && result.error() == auth::TokenError::bad_signature && token.ends_with('.')) {
    const std::string_view signing_input = token.substr(0, token.size() - 1);
    const auto signature = auth::detail::rs256_sign(private_key().native(), signing_input);
    verify(std::string(token) + auth::detail::base64url_encode(signature));
  }
  return 0;
}

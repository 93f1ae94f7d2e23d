// RSASSA-PKCS1-v1_5 with SHA-256 over a JWS signing input (internal header).
#pragma once

#include <openssl/types.h>

#include <string>
#include <string_view>

namespace auth::detail {

// The raw signature bytes; throws std::runtime_error if OpenSSL fails.
std::string rs256_sign(EVP_PKEY* key, std::string_view signing_input);

// True only for a valid signature of signing_input by key.
bool rs256_verify(EVP_PKEY* key, std::string_view signing_input, std::string_view signature);

}  // namespace auth::detail

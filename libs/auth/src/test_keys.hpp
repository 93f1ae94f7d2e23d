// Test-only helpers: fresh RSA key pairs, temp PEM files and hand-made JWS tokens.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace auth::test {

struct KeyPairPem {
  std::string private_pem;  // PKCS#8
  std::string public_pem;   // SubjectPublicKeyInfo
};

// A new RSA key pair of the given size.
KeyPairPem generate_rsa(unsigned bits);

// Cached 2048-bit key pairs, generated once per test binary (index 0 and 1 differ).
const KeyPairPem& shared_rsa(int index);

// Writes text to a new file under the temp dir; the caller removes it.
std::filesystem::path write_temp_file(std::string_view text);

// header.payload.signature with an RS256 signature by private_pem over the given JSON texts.
std::string sign_rs256(const std::string& private_pem, std::string_view header_json, std::string_view payload_json);

// header.payload.signature with an HMAC-SHA256 signature keyed by secret.
std::string sign_hs256(std::string_view secret, std::string_view header_json, std::string_view payload_json);

}  // namespace auth::test

#pragma once
#include <filesystem>
#include <string>

namespace testing_support {

// A fresh 2048-bit RSA pair as PEM text (PKCS#8 private key, SubjectPublicKeyInfo public key).
struct KeyPair {
  std::string private_pem;
  std::string public_pem;
};
KeyPair generate_key_pair();

// Writes `text` to `path` (creating its folder) and returns the path as a string.
std::string write_file(const std::filesystem::path& path, const std::string& text);

}  // namespace testing_support

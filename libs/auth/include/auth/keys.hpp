// RSA keys for RS256: loading from PEM text or a PEM file, and the RFC 7638 key id.
#pragma once

#include <openssl/types.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace auth {

// A key could not be loaded or is unacceptable; the message never contains key material.
struct KeyError : std::runtime_error {
  using runtime_error::runtime_error;
};

namespace detail {
struct PkeyFree {
  void operator()(EVP_PKEY* key) const noexcept;
};
using OwnedPkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
}  // namespace detail

// An RSA private key of at least 2048 bits. Move-only.
class PrivateKey {
 public:
  // PEM text (PKCS#8 or PKCS#1, unencrypted) or a path to a PEM file; throws KeyError.
  static PrivateKey load(std::string_view pem_or_path);

  EVP_PKEY* native() const noexcept { return key_.get(); }

 private:
  explicit PrivateKey(detail::OwnedPkey key) : key_(std::move(key)) {}
  detail::OwnedPkey key_;
};

// An RSA public key of at least 2048 bits with its RFC 7638 thumbprint. Copies share the key.
class PublicKey {
 public:
  // PEM text (SubjectPublicKeyInfo or PKCS#1) or a path to a PEM file; throws KeyError.
  static PublicKey load(std::string_view pem_or_path);
  // The public half of a private key.
  static PublicKey from_private(const PrivateKey& key);
  // From base64url JWK components n and e (RFC 7518 §6.3.1); throws KeyError.
  static PublicKey from_jwk(std::string_view n, std::string_view e);

  PublicKey(const PublicKey& other);
  PublicKey& operator=(const PublicKey& other);
  PublicKey(PublicKey&&) noexcept = default;
  PublicKey& operator=(PublicKey&&) noexcept = default;
  ~PublicKey() = default;

  // RFC 7638 JWK SHA-256 thumbprint, base64url without padding.
  const std::string& kid() const noexcept { return kid_; }
  // The JWK components (RFC 7518 §6.3.1): modulus and exponent, base64url without padding.
  const std::string& n() const noexcept { return n_; }
  const std::string& e() const noexcept { return e_; }
  EVP_PKEY* native() const noexcept { return key_.get(); }

 private:
  explicit PublicKey(detail::OwnedPkey key);
  detail::OwnedPkey key_;
  std::string n_;
  std::string e_;
  std::string kid_;
};

// Public keys from a comma-separated list whose items are PEM files or directories (every *.pem in them, by
// name); a single item may also be PEM text. Empty list: no key. Throws KeyError naming no key material.
std::vector<PublicKey> load_public_keys(std::string_view list);

}  // namespace auth

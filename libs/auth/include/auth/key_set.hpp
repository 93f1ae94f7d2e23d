// The public keys that verify tokens, found by kid; a JSON Web Key Set (RFC 7517) in and out.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "auth/keys.hpp"

namespace auth {

// Immutable once built; a key appears once however often it was given.
class KeySet {
 public:
  KeySet() = default;
  explicit KeySet(std::vector<PublicKey> keys);

  // From a JWKS document: its RSA keys meant for RS256 signatures (no `alg`/`use`, or RS256/sig); other
  // keys are skipped. Throws KeyError when the document is malformed or holds no usable key.
  static KeySet from_jwks(std::string_view json);
  // {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":..,"n":..,"e":..}, ...]}: public members only.
  std::string to_jwks() const;

  const PublicKey* find(std::string_view kid) const noexcept;
  const std::vector<PublicKey>& keys() const noexcept { return keys_; }
  bool empty() const noexcept { return keys_.empty(); }
  // True when both hold the same kids (in any order).
  bool same_kids(const KeySet& other) const;

 private:
  std::vector<PublicKey> keys_;
};

}  // namespace auth

#include "auth/key_set.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace auth {
namespace {

std::string_view member(const boost::json::object& jwk, std::string_view name) {
  const auto* value = jwk.if_contains(name);
  return value && value->is_string() ? std::string_view(value->get_string()) : std::string_view{};
}

// A JWK this project can verify RS256 tokens with: RSA, and alg/use absent or RS256/sig.
bool usable(const boost::json::object& jwk) {
  const auto alg = member(jwk, "alg");
  const auto use = member(jwk, "use");
  return member(jwk, "kty") == "RSA" && (alg.empty() || alg == "RS256") && (use.empty() || use == "sig");
}

}  // namespace

KeySet::KeySet(std::vector<PublicKey> keys) {
  for (auto& key : keys)
    if (!find(key.kid())) keys_.push_back(std::move(key));
}

KeySet KeySet::from_jwks(std::string_view json) {
  boost::system::error_code ec;
  const auto document = boost::json::parse(json, ec);
  const auto* object = ec ? nullptr : document.if_object();
  const auto* keys = object && object->if_contains("keys") ? object->at("keys").if_array() : nullptr;
  if (!keys) throw KeyError("JWKS is not a JSON object with a \"keys\" array");
  std::vector<PublicKey> found;
  for (const auto& entry : *keys) {
    const auto* jwk = entry.if_object();
    if (!jwk || !usable(*jwk)) continue;
    auto key = PublicKey::from_jwk(member(*jwk, "n"), member(*jwk, "e"));
    // A kid that is not the key's thumbprint would let a token name one key and be checked by another.
    if (const auto kid = member(*jwk, "kid"); !kid.empty() && kid != key.kid())
      throw KeyError("JWKS key's kid is not its RFC 7638 thumbprint");
    found.push_back(std::move(key));
  }
  if (found.empty()) throw KeyError("JWKS holds no RSA key for RS256 signatures");
  return KeySet(std::move(found));
}

std::string KeySet::to_jwks() const {
  boost::json::array keys;
  for (const auto& key : keys_) {
    keys.push_back(boost::json::object{
        {"kty", "RSA"}, {"use", "sig"}, {"alg", "RS256"}, {"kid", key.kid()}, {"n", key.n()}, {"e", key.e()}});
  }
  return boost::json::serialize(boost::json::object{{"keys", std::move(keys)}});
}

const PublicKey* KeySet::find(std::string_view kid) const noexcept {
  const auto key = std::find_if(keys_.begin(), keys_.end(), [&](const PublicKey& k) { return k.kid() == kid; });
  return key == keys_.end() ? nullptr : &*key;
}

bool KeySet::same_kids(const KeySet& other) const {
  return keys_.size() == other.keys_.size() &&
         std::all_of(keys_.begin(), keys_.end(), [&](const PublicKey& key) { return other.find(key.kid()); });
}

}  // namespace auth

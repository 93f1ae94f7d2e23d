#include "auth/token_verifier.hpp"

#include "base64url.hpp"
#include "rs256.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <cmath>
#include <optional>
#include <stdexcept>

namespace auth {
namespace {

using Result = boost::system::result<Claims, TokenError>;

struct Parts {
  std::string_view header;
  std::string_view payload;
  std::string_view signature;
};

// Exactly three dot-separated parts, none of them empty except possibly the signature.
std::optional<Parts> split(std::string_view token) {
  const auto first = token.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  const auto second = token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  Parts parts{token.substr(0, first), token.substr(first + 1, second - first - 1), token.substr(second + 1)};
  if (parts.header.empty() || parts.payload.empty()) return std::nullopt;
  return parts;
}

// The JSON object encoded in a base64url part, or nullopt.
std::optional<boost::json::object> decode_object(std::string_view part) {
  const auto text = detail::base64url_decode(part);
  if (!text) return std::nullopt;
  boost::system::error_code ec;
  auto value = boost::json::parse(*text, ec);
  if (ec || !value.is_object()) return std::nullopt;
  return std::move(value.as_object());
}

enum class Presence { absent, wrong_type, present };

struct StringClaim {
  Presence presence = Presence::absent;
  std::string value;
};

StringClaim string_claim(const boost::json::object& claims, std::string_view name) {
  const auto* v = claims.if_contains(name);
  if (!v) return {};
  if (!v->is_string()) return {Presence::wrong_type, {}};
  return {Presence::present, std::string(v->as_string())};
}

struct TimeClaim {
  Presence presence = Presence::absent;
  std::int64_t value = 0;
};

// A NumericDate (RFC 7519 §2): integral seconds; fractions are truncated.
TimeClaim time_claim(const boost::json::object& claims, std::string_view name) {
  const auto* v = claims.if_contains(name);
  if (!v) return {};
  if (v->is_int64()) return {Presence::present, v->get_int64()};
  if (v->is_double() && std::isfinite(v->get_double()) && std::abs(v->get_double()) < 1e15) {
    return {Presence::present, static_cast<std::int64_t>(v->get_double())};
  }
  return {Presence::wrong_type, 0};
}

bool audience_matches(const boost::json::value& aud, std::string_view audience) {
  if (aud.is_string()) return aud.get_string() == audience;
  if (!aud.is_array()) return false;
  for (const auto& item : aud.get_array()) {
    if (item.is_string() && item.get_string() == audience) return true;
  }
  return false;
}

}  // namespace

TokenVerifier::TokenVerifier(std::vector<PublicKey> keys, std::string issuer, std::string audience,
                             std::chrono::seconds leeway)
    : TokenVerifier(std::make_shared<const KeyRing>(KeySet(std::move(keys))), std::move(issuer), std::move(audience),
                    leeway) {
  if (keys_->current()->keys.empty()) throw std::invalid_argument("token verifier needs at least one key");
}

TokenVerifier::TokenVerifier(std::shared_ptr<const KeyRing> keys, std::string issuer, std::string audience,
                             std::chrono::seconds leeway)
    : cache_(cache_capacity, leeway),
      keys_(std::move(keys)),
      issuer_(std::move(issuer)),
      audience_(std::move(audience)),
      leeway_(leeway) {
  if (leeway_ < std::chrono::seconds::zero() || leeway_ > max_leeway) {
    throw std::invalid_argument("token leeway must lie between 0 and 60 seconds");
  }
}

Result TokenVerifier::verify(std::string_view token, std::chrono::system_clock::time_point now) const {
  const auto keys = keys_->current();
  if (auto cached = cache_.find(token, now, keys->generation)) return std::move(*cached);
  auto result = check(keys->keys, token, now);
  if (result) {
    cache_.insert(token, *result, now, keys->generation);
  } else if (result.error() == TokenError::unknown_key) {
    keys_->report_unknown_kid();
  }
  return result;
}

Result TokenVerifier::check(const KeySet& keys, std::string_view token,
                            std::chrono::system_clock::time_point now) const {
  if (token.size() > max_token_size) return TokenError::malformed;
  const auto parts = split(token);
  if (!parts) return TokenError::malformed;
  const auto header = decode_object(parts->header);
  if (!header) return TokenError::malformed;

  // The algorithm is pinned: the header may only confirm it.
  const auto* alg = header->if_contains("alg");
  if (!alg || !alg->is_string() || alg->get_string() != "RS256") return TokenError::bad_algorithm;
  if (header->contains("crit")) return TokenError::malformed;  // no critical extensions understood
  const auto* kid = header->if_contains("kid");
  if (!kid || !kid->is_string()) return TokenError::unknown_key;
  const auto* key = keys.find(kid->get_string());
  if (!key) return TokenError::unknown_key;

  const auto signature = detail::base64url_decode(parts->signature);
  if (!signature) return TokenError::malformed;
  const auto signing_input = token.substr(0, parts->header.size() + 1 + parts->payload.size());
  if (!detail::rs256_verify(key->native(), signing_input, *signature)) {
    return TokenError::bad_signature;
  }

  const auto payload = decode_object(parts->payload);
  if (!payload) return TokenError::malformed;
  const auto sub = string_claim(*payload, "sub");
  const auto iss = string_claim(*payload, "iss");
  const auto* aud = payload->if_contains("aud");
  const auto exp = time_claim(*payload, "exp");
  const auto iat = time_claim(*payload, "iat");
  const auto nbf = time_claim(*payload, "nbf");
  const auto jti = string_claim(*payload, "jti");
  const auto identifier = string_claim(*payload, "identifier");
  const auto* is_admin = payload->if_contains("is_admin");
  if (sub.presence == Presence::absent || iss.presence == Presence::absent || !aud ||
      exp.presence == Presence::absent) {
    return TokenError::missing_claim;
  }
  if (sub.presence == Presence::wrong_type || iss.presence == Presence::wrong_type ||
      exp.presence == Presence::wrong_type || iat.presence == Presence::wrong_type ||
      nbf.presence == Presence::wrong_type || jti.presence == Presence::wrong_type ||
      identifier.presence == Presence::wrong_type || (is_admin && !is_admin->is_bool()) || sub.value.empty()) {
    return TokenError::malformed;
  }

  const auto now_s = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  const auto leeway_s = leeway_.count();
  if (now_s - leeway_s >= exp.value) return TokenError::expired;
  if (nbf.presence == Presence::present && nbf.value > now_s + leeway_s) {
    return TokenError::not_yet_valid;
  }
  if (iat.presence == Presence::present && iat.value > now_s + leeway_s) {
    return TokenError::not_yet_valid;
  }
  if (iss.value != issuer_) return TokenError::wrong_issuer;
  if (!audience_matches(*aud, audience_)) return TokenError::wrong_audience;

  return Claims{.sub = sub.value,
                .is_admin = is_admin && is_admin->get_bool(),
                .identifier = identifier.value,
                .jti = jti.value,
                .iat = iat.value,
                .exp = exp.value,
                .iss = iss.value,
                .aud = audience_};
}

}  // namespace auth

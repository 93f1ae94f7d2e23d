#include "auth/token_issuer.hpp"
#include "auth/token_verifier.hpp"

#include "base64url.hpp"
#include "test_keys.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>
#include <boost/system/system_error.hpp>

#include <regex>

namespace auth {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

const std::chrono::system_clock::time_point t0{std::chrono::seconds(1'700'000'000)};
constexpr std::int64_t t0_s = 1'700'000'000;

class TokenTest : public ::testing::Test {
 protected:
  const test::KeyPairPem& pair_ = test::shared_rsa(0);
  PublicKey public_ = PublicKey::load(pair_.public_pem);
  TokenIssuer issuer_{PrivateKey::load(pair_.private_pem), "users", "promotion", 30min};
  TokenVerifier verifier_{{public_}, "users", "promotion"};

  json::object header() const { return {{"alg", "RS256"}, {"typ", "JWT"}, {"kid", public_.kid()}}; }

  static json::object payload() {
    return {{"iss", "users"}, {"aud", "promotion"}, {"sub", "42"}, {"iat", t0_s}, {"exp", t0_s + 1800}, {"jti", "j-1"}};
  }

  // A token signed with the real private key over arbitrary header and payload JSON.
  std::string craft(const json::object& payload_json) const { return craft(header(), payload_json); }
  std::string craft(const json::object& header_json, const json::object& payload_json) const {
    return test::sign_rs256(pair_.private_pem, json::serialize(header_json), json::serialize(payload_json));
  }

  TokenError rejection(std::string_view token, std::chrono::system_clock::time_point now = t0) const {
    const auto result = verifier_.verify(token, now);
    EXPECT_FALSE(result.has_value()) << "token was accepted";
    return result.has_value() ? TokenError{} : result.error();
  }
};

std::vector<std::string> split(const std::string& token) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (auto dot = token.find('.'); dot != std::string::npos; dot = token.find('.', start)) {
    parts.push_back(token.substr(start, dot - start));
    start = dot + 1;
  }
  parts.push_back(token.substr(start));
  return parts;
}

TEST_F(TokenTest, RoundTripKeepsTheClaims) {
  const auto token = issuer_.issue("42", true, "alice@example.com", t0);
  const auto claims = verifier_.verify(token, t0);
  ASSERT_TRUE(claims.has_value()) << make_error_code(claims.error()).message();
  EXPECT_EQ(claims->sub, "42");
  EXPECT_TRUE(claims->is_admin);
  EXPECT_EQ(claims->identifier, "alice@example.com");
  EXPECT_EQ(claims->iss, "users");
  EXPECT_EQ(claims->aud, "promotion");
  EXPECT_EQ(claims->iat, t0_s);
  EXPECT_EQ(claims->exp, t0_s + 30 * 60);
  EXPECT_TRUE(
      std::regex_match(claims->jti, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
  EXPECT_NE(verifier_.verify(issuer_.issue("42", true, "a", t0), t0)->jti, claims->jti);
  EXPECT_EQ(issuer_.ttl(), 30min);
}

TEST_F(TokenTest, HeaderNamesRs256JwtAndTheThumbprintKid) {
  const auto parts = split(issuer_.issue("7", false, "bob", t0));
  ASSERT_EQ(parts.size(), 3U);
  const auto header_json = json::parse(*detail::base64url_decode(parts[0]));
  EXPECT_EQ(header_json, json::value(header()));
  EXPECT_EQ(issuer_.kid(), public_.kid());
}

TEST_F(TokenTest, RejectsAlgNone) {
  const std::string none_header = R"({"alg":"none"})";
  const auto token =
      detail::base64url_encode(none_header) + '.' + detail::base64url_encode(json::serialize(payload())) + '.';
  EXPECT_EQ(rejection(token), TokenError::bad_algorithm);
}

TEST_F(TokenTest, RejectsHs256KeyedWithThePublicKeyPem) {
  auto hs_header = header();
  hs_header["alg"] = "HS256";
  const auto token = test::sign_hs256(pair_.public_pem, json::serialize(hs_header), json::serialize(payload()));
  EXPECT_EQ(rejection(token), TokenError::bad_algorithm);
}

TEST_F(TokenTest, RejectsAMissingAlg) {
  auto no_alg = header();
  no_alg.erase("alg");
  EXPECT_EQ(rejection(craft(no_alg, payload())), TokenError::bad_algorithm);
}

TEST_F(TokenTest, RejectsAChangedPayload) {
  auto parts = split(issuer_.issue("42", false, "alice", t0));
  auto forged = json::parse(*detail::base64url_decode(parts[1])).as_object();
  forged["sub"] = "1";
  const auto token = parts[0] + '.' + detail::base64url_encode(json::serialize(forged)) + '.' + parts[2];
  EXPECT_EQ(rejection(token), TokenError::bad_signature);
}

TEST_F(TokenTest, RejectsAFlippedSignatureByte) {
  auto parts = split(issuer_.issue("42", false, "alice", t0));
  auto signature = *detail::base64url_decode(parts[2]);
  signature[signature.size() / 2] = static_cast<char>(signature[signature.size() / 2] ^ 0x01);
  const auto token = parts[0] + '.' + parts[1] + '.' + detail::base64url_encode(signature);
  EXPECT_EQ(rejection(token), TokenError::bad_signature);
}

TEST_F(TokenTest, ExpiryAllowsOnlyTheLeeway) {
  const auto token = issuer_.issue("42", false, "alice", t0);
  EXPECT_TRUE(verifier_.verify(token, t0 + 30min + 59s).has_value());
  EXPECT_EQ(rejection(token, t0 + 30min + 61s), TokenError::expired);
  const TokenVerifier strict{{public_}, "users", "promotion", 0s};
  EXPECT_EQ(strict.verify(token, t0 + 30min).error(), TokenError::expired);
}

TEST_F(TokenTest, FutureNbfOrIatAllowsOnlyTheLeeway) {
  auto early = payload();
  early["nbf"] = t0_s + 120;
  EXPECT_EQ(rejection(craft(early)), TokenError::not_yet_valid);
  early["nbf"] = t0_s + 30;
  EXPECT_TRUE(verifier_.verify(craft(early), t0).has_value());

  EXPECT_EQ(rejection(issuer_.issue("42", false, "alice", t0 + 120s)), TokenError::not_yet_valid);
  EXPECT_TRUE(verifier_.verify(issuer_.issue("42", false, "alice", t0 + 30s), t0).has_value());
}

TEST_F(TokenTest, RejectsAWrongIssuerOrAudience) {
  const auto token = issuer_.issue("42", false, "alice", t0);
  const TokenVerifier other_issuer{{public_}, "someone-else", "promotion"};
  const TokenVerifier other_audience{{public_}, "users", "billing"};
  EXPECT_EQ(other_issuer.verify(token, t0).error(), TokenError::wrong_issuer);
  EXPECT_EQ(other_audience.verify(token, t0).error(), TokenError::wrong_audience);
}

TEST_F(TokenTest, AcceptsAnAudienceListContainingOurs) {
  auto listed = payload();
  listed["aud"] = json::array{"billing", "promotion"};
  ASSERT_TRUE(verifier_.verify(craft(listed), t0).has_value());
  listed["aud"] = json::array{"billing"};
  EXPECT_EQ(rejection(craft(listed)), TokenError::wrong_audience);
}

TEST_F(TokenTest, RequiresExpIssAudAndSub) {
  for (const char* claim : {"exp", "iss", "aud", "sub"}) {
    auto lacking = payload();
    lacking.erase(claim);
    EXPECT_EQ(rejection(craft(lacking)), TokenError::missing_claim) << claim;
  }
}

TEST_F(TokenTest, RejectsClaimsOfTheWrongType) {
  auto bad = payload();
  bad["exp"] = "tomorrow";
  EXPECT_EQ(rejection(craft(bad)), TokenError::malformed);
  bad = payload();
  bad["is_admin"] = "true";
  EXPECT_EQ(rejection(craft(bad)), TokenError::malformed);
}

TEST_F(TokenTest, RejectsATokenFromAnotherKeyPair) {
  const auto& other = test::shared_rsa(1);
  const TokenIssuer stranger{PrivateKey::load(other.private_pem), "users", "promotion", 30min};
  EXPECT_EQ(rejection(stranger.issue("42", true, "alice", t0)), TokenError::unknown_key);

  // Our kid, someone else's signature.
  const auto forged = test::sign_rs256(other.private_pem, json::serialize(header()), json::serialize(payload()));
  EXPECT_EQ(rejection(forged), TokenError::bad_signature);
}

TEST_F(TokenTest, ResolvesKidOnlyInItsOwnKeys) {
  auto no_kid = header();
  no_kid.erase("kid");
  EXPECT_EQ(rejection(craft(no_kid, payload())), TokenError::unknown_key);

  // A header pointing at the attacker's own key material is ignored.
  const auto& other = test::shared_rsa(1);
  const auto other_kid = PublicKey::load(other.public_pem).kid();
  json::object attacker{{"alg", "RS256"},
                        {"kid", other_kid},
                        {"jku", "https://evil.example/jwks"},
                        {"x5u", "https://evil.example/cert"},
                        {"jwk", {{"kty", "RSA"}}}};
  const auto token = test::sign_rs256(other.private_pem, json::serialize(attacker), json::serialize(payload()));
  EXPECT_EQ(rejection(token), TokenError::unknown_key);
}

TEST_F(TokenTest, AcceptsEveryConfiguredKey) {
  const auto& other = test::shared_rsa(1);
  const TokenIssuer second{PrivateKey::load(other.private_pem), "users", "promotion", 30min};
  const TokenVerifier both{{public_, PublicKey::load(other.public_pem)}, "users", "promotion"};
  EXPECT_TRUE(both.verify(issuer_.issue("1", false, "a", t0), t0).has_value());
  EXPECT_TRUE(both.verify(second.issue("2", false, "b", t0), t0).has_value());
}

TEST_F(TokenTest, FollowsTheKeyRingAndForgetsTokensOfARemovedKey) {
  const auto& other = test::shared_rsa(1);
  const TokenIssuer second{PrivateKey::load(other.private_pem), "users", "promotion", 30min};
  auto ring = std::make_shared<KeyRing>(KeySet({public_}));
  int unknown_kids = 0;
  ring->on_unknown_kid([&] { ++unknown_kids; });
  const TokenVerifier verifier{ring, "users", "promotion"};
  const auto old_token = issuer_.issue("1", false, "a", t0);
  const auto new_token = second.issue("2", false, "b", t0);

  ASSERT_TRUE(verifier.verify(old_token, t0).has_value());  // now cached
  EXPECT_EQ(verifier.verify(new_token, t0).error(), TokenError::unknown_key);
  EXPECT_EQ(unknown_kids, 1);

  ASSERT_TRUE(ring->replace(KeySet({PublicKey::load(other.public_pem)})));
  EXPECT_TRUE(verifier.verify(new_token, t0).has_value());
  EXPECT_EQ(verifier.verify(old_token, t0).error(), TokenError::unknown_key);  // the cache does not keep it alive
  EXPECT_FALSE(ring->replace(KeySet({PublicKey::load(other.public_pem)})));    // same kids: nothing to do
}

TEST_F(TokenTest, RejectsMalformedStructure) {
  const auto token = issuer_.issue("42", false, "alice", t0);
  EXPECT_EQ(rejection(""), TokenError::malformed);
  EXPECT_EQ(rejection("abc"), TokenError::malformed);
  EXPECT_EQ(rejection(token + ".AAAA"), TokenError::malformed);
  EXPECT_EQ(rejection(token + "="), TokenError::malformed);
  EXPECT_EQ(rejection("+" + token), TokenError::malformed);

  auto huge = payload();
  huge["identifier"] = std::string(TokenVerifier::max_token_size, 'x');
  EXPECT_EQ(rejection(craft(huge)), TokenError::malformed);
}

TEST_F(TokenTest, ValueOfARejectionThrowsSystemError) {
  const auto result = verifier_.verify("not-a-token", t0);
  EXPECT_THROW((void)result.value(), boost::system::system_error);
  EXPECT_EQ(boost::system::error_code(result.error()).category().name(), std::string("auth.token"));
}

TEST(TokenConfig, RefusesBadSettings) {
  const auto key = PublicKey::load(test::shared_rsa(0).public_pem);
  EXPECT_THROW(TokenVerifier(std::vector<PublicKey>{}, "i", "a"), std::invalid_argument);
  EXPECT_THROW(TokenVerifier({key}, "i", "a", 61s), std::invalid_argument);
  EXPECT_THROW(TokenIssuer(PrivateKey::load(test::shared_rsa(0).private_pem), "i", "a", 0min), std::invalid_argument);
}

}  // namespace
}  // namespace auth

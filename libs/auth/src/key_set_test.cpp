#include "auth/key_set.hpp"

#include "test_keys.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

namespace auth {
namespace {

namespace json = boost::json;

TEST(KeySet, JwksHoldsEachKeysPublicMembersAndThumbprint) {
  const auto first = PublicKey::load(test::shared_rsa(0).public_pem);
  const auto second = PublicKey::load(test::shared_rsa(1).public_pem);
  const KeySet keys{{first, second, first}};
  const auto document = json::parse(keys.to_jwks()).as_object();
  const auto& entries = document.at("keys").as_array();
  ASSERT_EQ(entries.size(), 2u);  // a key given twice appears once
  const auto& jwk = entries[0].as_object();
  EXPECT_EQ(jwk.at("kid").as_string(), first.kid());
  EXPECT_EQ(jwk.at("n").as_string(), first.n());
  EXPECT_EQ(jwk.at("e").as_string(), "AQAB");
  EXPECT_EQ(jwk.at("alg").as_string(), "RS256");
  EXPECT_EQ(jwk.at("use").as_string(), "sig");
  for (const char* secret : {"d", "p", "q", "dp", "dq", "qi", "oth", "k"}) EXPECT_FALSE(jwk.contains(secret)) << secret;
  EXPECT_EQ(entries[1].as_object().at("kid").as_string(), second.kid());
}

TEST(KeySet, ReadsBackWhatItWrites) {
  const KeySet keys{{PublicKey::load(test::shared_rsa(0).public_pem), PublicKey::load(test::shared_rsa(1).public_pem)}};
  const auto read = KeySet::from_jwks(keys.to_jwks());
  EXPECT_TRUE(read.same_kids(keys));
  EXPECT_EQ(read.find(keys.keys()[1].kid())->n(), keys.keys()[1].n());
  EXPECT_EQ(read.find("no such kid"), nullptr);
}

TEST(KeySet, SkipsKeysNotForRs256AndRefusesAForeignKid) {
  const auto key = PublicKey::load(test::shared_rsa(0).public_pem);
  json::object rsa{{"kty", "RSA"}, {"n", key.n()}, {"e", key.e()}};
  json::object encryption = rsa;
  encryption["use"] = "enc";
  json::object es256{{"kty", "EC"}, {"crv", "P-256"}, {"x", "AA"}, {"y", "AA"}};
  const auto only_rsa = KeySet::from_jwks(json::serialize(json::object{{"keys", json::array{es256, encryption, rsa}}}));
  ASSERT_EQ(only_rsa.keys().size(), 1u);
  EXPECT_EQ(only_rsa.keys()[0].kid(), key.kid());

  rsa["kid"] = "someone-elses-kid";
  EXPECT_THROW(KeySet::from_jwks(json::serialize(json::object{{"keys", json::array{rsa}}})), KeyError);
}

TEST(KeySet, RefusesDocumentsWithoutUsableKeys) {
  for (const char* document :
       {"", "[]", "{}", R"({"keys":{}})", R"({"keys":[]})", R"({"keys":[{"kty":"oct","k":"AA"}]})",
        R"({"keys":[{"kty":"RSA","n":"!","e":"AQAB"}]})"}) {
    EXPECT_THROW(KeySet::from_jwks(document), KeyError) << document;
  }
}

}  // namespace
}  // namespace auth

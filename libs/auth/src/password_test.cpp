#include "auth/password.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <array>

namespace auth {
namespace {

constexpr std::string_view password = "correct horse battery staple";

TEST(Password, HashIsArgon2idWithOurParameters) {
  const auto hash = hash_password(password);
  EXPECT_EQ(hash.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0U) << hash;
  EXPECT_NE(hash_password(password), hash) << "hashes must be salted";
}

TEST(Password, VerifiesOnlyTheRightPassword) {
  const auto hash = hash_password(password);
  EXPECT_TRUE(verify_password(hash, password));
  EXPECT_FALSE(verify_password(hash, "correct horse battery stapler"));
  EXPECT_FALSE(verify_password(hash, ""));
}

TEST(Password, MalformedHashesNeverVerify) {
  EXPECT_FALSE(verify_password("", password));
  EXPECT_FALSE(verify_password("plaintext", password));
  EXPECT_FALSE(verify_password("$argon2id$v=19$m=19456,t=2,p=1$garbage", password));
  EXPECT_FALSE(verify_password(std::string(1000, '$'), password));
  auto with_nul = hash_password(password);
  with_nul.insert(with_nul.begin() + 5, '\0');
  EXPECT_FALSE(verify_password(with_nul, password));
}

TEST(Password, NeedsRehashOnlyForOtherParameters) {
  EXPECT_FALSE(needs_rehash(hash_password(password)));

  std::array<char, crypto_pwhash_STRBYTES> weaker{};
  ASSERT_EQ(crypto_pwhash_str_alg(weaker.data(), password.data(), password.size(), 1,
                                  8 * 1024 * 1024, crypto_pwhash_ALG_ARGON2ID13),
            0);
  EXPECT_TRUE(needs_rehash(weaker.data()));
  EXPECT_TRUE(verify_password(weaker.data(), password)) << "old hashes still log in";
  EXPECT_TRUE(needs_rehash("not a hash"));
}

TEST(Password, DummyHashIsAStableValidHash) {
  const auto& dummy = dummy_hash();
  EXPECT_EQ(&dummy, &dummy_hash());
  EXPECT_EQ(dummy.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0U);
  EXPECT_FALSE(needs_rehash(dummy));
  EXPECT_FALSE(verify_password(dummy, ""));
  EXPECT_FALSE(verify_password(dummy, password));
}

}  // namespace
}  // namespace auth

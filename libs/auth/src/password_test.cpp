#include "auth/password.hpp"

#include <argon2.h>
#include <gtest/gtest.h>

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

  const std::array<unsigned char, 16> salt{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
  std::array<char, 128> weaker{};
  ASSERT_EQ(argon2id_hash_encoded(1, 8 * 1024, 1, password.data(), password.size(), salt.data(), salt.size(), 32,
                                  weaker.data(), weaker.size()),
            ARGON2_OK);
  EXPECT_TRUE(needs_rehash(weaker.data()));
  EXPECT_TRUE(verify_password(weaker.data(), password)) << "old hashes still log in";
  EXPECT_TRUE(needs_rehash("not a hash"));
}

TEST(Password, VerifiesHashesMadeByLibsodium) {
  // crypto_pwhash_str_alg(ARGON2ID13, opslimit 2, memlimit 19 MiB): what the service stored before libargon2.
  constexpr std::string_view stored =
      "$argon2id$v=19$m=19456,t=2,p=1$c5wJGvH+3IJrNfO2kLhEFg$58TLye00ODsHwLzplHU4B/xbZ145T2ubSrl+xk/bLLU";
  EXPECT_TRUE(verify_password(stored, password));
  EXPECT_FALSE(verify_password(stored, "correct horse battery stapler"));
  EXPECT_FALSE(needs_rehash(stored));
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

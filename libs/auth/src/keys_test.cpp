#include "auth/keys.hpp"

#include "openssl_handles.hpp"
#include "test_keys.hpp"

#include <gtest/gtest.h>
#include <openssl/encoder.h>
#include <openssl/pem.h>
#include <unistd.h>

#include <fstream>

namespace auth {
namespace {

TEST(Keys, LoadsPemTextAndPathAlike) {
  const auto& pair = test::shared_rsa(0);
  const auto public_path = test::write_temp_file(pair.public_pem);
  const auto private_path = test::write_temp_file(pair.private_pem);
  const auto from_text = PublicKey::load(pair.public_pem);
  const auto from_path = PublicKey::load(public_path.string());
  const auto private_from_path = PrivateKey::load(private_path.string());
  std::filesystem::remove(public_path);
  std::filesystem::remove(private_path);
  EXPECT_EQ(from_text.kid(), from_path.kid());
  EXPECT_EQ(PublicKey::from_private(private_from_path).kid(), from_text.kid());
  EXPECT_EQ(PublicKey::from_private(PrivateKey::load(pair.private_pem)).kid(), from_text.kid());
}

TEST(Keys, DifferentKeysHaveDifferentKids) {
  EXPECT_NE(PublicKey::load(test::shared_rsa(0).public_pem).kid(),
            PublicKey::load(test::shared_rsa(1).public_pem).kid());
}

TEST(Keys, Refuses1024BitKeys) {
  const auto weak = test::generate_rsa(1024);
  EXPECT_THROW(PrivateKey::load(weak.private_pem), KeyError);
  EXPECT_THROW(PublicKey::load(weak.public_pem), KeyError);
}

// PKCS#1 "BEGIN RSA PRIVATE KEY" / "BEGIN RSA PUBLIC KEY" load like PKCS#8 / SPKI.
TEST(Keys, LoadsPkcs1Pem) {
  const detail::PkeyPtr key{EVP_RSA_gen(2048)};
  ASSERT_TRUE(key);
  std::string texts[2];
  const int selections[2] = {EVP_PKEY_KEYPAIR, EVP_PKEY_PUBLIC_KEY};
  for (int i = 0; i < 2; ++i) {
    const std::unique_ptr<OSSL_ENCODER_CTX, detail::Deleter<OSSL_ENCODER_CTX_free>> ctx{
        OSSL_ENCODER_CTX_new_for_pkey(key.get(), selections[i], "PEM", "type-specific", nullptr)};
    unsigned char* data = nullptr;
    std::size_t length = 0;
    ASSERT_TRUE(ctx && OSSL_ENCODER_to_data(ctx.get(), &data, &length) == 1);
    texts[i].assign(reinterpret_cast<const char*>(data), length);
    OPENSSL_free(data);
  }
  ASSERT_NE(texts[0].find("BEGIN RSA PRIVATE KEY"), std::string::npos);
  ASSERT_NE(texts[1].find("BEGIN RSA PUBLIC KEY"), std::string::npos);
  EXPECT_EQ(PublicKey::from_private(PrivateKey::load(texts[0])).kid(), PublicKey::load(texts[1]).kid());
}

TEST(Keys, RefusesNonRsaKeys) {
  const detail::PkeyPtr ec{EVP_EC_gen("P-256")};
  const detail::BioPtr bio{BIO_new(BIO_s_mem())};
  ASSERT_TRUE(ec && bio);
  ASSERT_EQ(PEM_write_bio_PrivateKey(bio.get(), ec.get(), nullptr, nullptr, 0, nullptr, nullptr), 1);
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio.get(), &data);
  EXPECT_THROW(PrivateKey::load(std::string(data, static_cast<std::size_t>(length))), KeyError);
}

TEST(Keys, RefusesAPrivateKeyWhereAPublicKeyBelongs) {
  EXPECT_THROW(PublicKey::load(test::shared_rsa(0).private_pem), KeyError);
}

TEST(Keys, ErrorsNeverEchoKeyMaterial) {
  const std::string broken = "-----BEGIN PRIVATE KEY-----\nSECRETSECRETSECRET\n-----END PRIVATE KEY-----\n";
  try {
    (void)PrivateKey::load(broken);
    FAIL() << "broken key loaded";
  } catch (const KeyError& e) {
    EXPECT_EQ(std::string(e.what()).find("SECRET"), std::string::npos);
  }
  try {
    (void)PrivateKey::load("SECRETSECRET-not-a-path");
    FAIL() << "missing file loaded";
  } catch (const KeyError& e) {
    EXPECT_EQ(std::string(e.what()).find("SECRET"), std::string::npos);
  }
}

TEST(Keys, CopiesShareTheKey) {
  const auto original = PublicKey::load(test::shared_rsa(0).public_pem);
  const PublicKey copy = original;  // NOLINT(performance-unnecessary-copy-initialization)
  EXPECT_EQ(copy.kid(), original.kid());
  EXPECT_EQ(copy.native(), original.native());
}

// RFC 7638 §3.1: the example key and its thumbprint.
TEST(Keys, KidIsTheRfc7638Thumbprint) {
  const auto key = PublicKey::from_jwk(
      "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECP"
      "ebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY"
      "368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0f"
      "M4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
      "AQAB");
  EXPECT_EQ(key.kid(), "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
}

}  // namespace
}  // namespace auth

TEST(LoadPublicKeys, ReadsFilesAndDirectoriesOfAList) {
  const auto dir = std::filesystem::temp_directory_path() / ("keys_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "previous");
  const auto write = [](const std::filesystem::path& path, const std::string& text) { std::ofstream(path) << text; };
  write(dir / "current.pem", auth::test::shared_rsa(0).public_pem);
  write(dir / "previous" / "b.pem", auth::test::shared_rsa(1).public_pem);
  write(dir / "previous" / "a.pem", auth::test::shared_rsa(2).public_pem);
  write(dir / "previous" / "notes.txt", "not a key");

  const auto keys = auth::load_public_keys((dir / "current.pem").string() + "," + (dir / "previous").string());
  ASSERT_EQ(keys.size(), 3u);
  EXPECT_EQ(keys[0].kid(), auth::PublicKey::load(auth::test::shared_rsa(0).public_pem).kid());
  EXPECT_EQ(keys[1].kid(), auth::PublicKey::load(auth::test::shared_rsa(2).public_pem).kid());  // a.pem first
  EXPECT_TRUE(auth::load_public_keys("").empty());
  EXPECT_EQ(auth::load_public_keys(auth::test::shared_rsa(0).public_pem).size(), 1u);
  EXPECT_THROW(auth::load_public_keys((dir / "missing.pem").string()), auth::KeyError);
  std::filesystem::remove_all(dir);
}

#include "test_keys.hpp"

#include "auth/keys.hpp"
#include "base64url.hpp"
#include "openssl_handles.hpp"
#include "rs256.hpp"

#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

#include <array>
#include <fstream>
#include <stdexcept>

namespace auth::test {
namespace {

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(length));
}

std::string signing_input(std::string_view header_json, std::string_view payload_json) {
  return detail::base64url_encode(header_json) + '.' + detail::base64url_encode(payload_json);
}

}  // namespace

KeyPairPem generate_rsa(unsigned bits) {
  const detail::PkeyPtr key{EVP_RSA_gen(bits)};
  const detail::BioPtr priv{BIO_new(BIO_s_mem())};
  const detail::BioPtr pub{BIO_new(BIO_s_mem())};
  if (!key || !priv || !pub ||
      PEM_write_bio_PrivateKey(priv.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1 ||
      PEM_write_bio_PUBKEY(pub.get(), key.get()) != 1) {
    throw std::runtime_error("test key generation failed");
  }
  return {bio_text(priv.get()), bio_text(pub.get())};
}

const KeyPairPem& shared_rsa(int index) {
  static const std::array<KeyPairPem, 3> pairs{generate_rsa(2048), generate_rsa(2048), generate_rsa(2048)};
  return pairs.at(static_cast<std::size_t>(index));
}

std::filesystem::path write_temp_file(std::string_view text) {
  std::array<unsigned char, 8> noise{};
  RAND_bytes(noise.data(), static_cast<int>(noise.size()));
  const auto name =
      "auth_test_" +
      detail::base64url_encode(std::string_view(reinterpret_cast<const char*>(noise.data()), noise.size())) + ".pem";
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string sign_rs256(const std::string& private_pem, std::string_view header_json, std::string_view payload_json) {
  const auto key = PrivateKey::load(private_pem);
  const auto input = signing_input(header_json, payload_json);
  return input + '.' + detail::base64url_encode(detail::rs256_sign(key.native(), input));
}

std::string sign_hs256(std::string_view secret, std::string_view header_json, std::string_view payload_json) {
  const auto input = signing_input(header_json, payload_json);
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  std::size_t length = 0;
  if (EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, secret.data(), secret.size(),
                reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac.data(), mac.size(),
                &length) == nullptr) {
    throw std::runtime_error("test HMAC failed");
  }
  return input + '.' + detail::base64url_encode(std::string_view(reinterpret_cast<const char*>(mac.data()), length));
}

}  // namespace auth::test

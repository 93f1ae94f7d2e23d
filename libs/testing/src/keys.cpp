#include "testing/keys.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <fstream>
#include <memory>
#include <stdexcept>

namespace testing_support {
namespace {

using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;

std::string drain(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(size));
}

}  // namespace

KeyPair generate_key_pair() {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key{EVP_RSA_gen(2048), &EVP_PKEY_free};
  Bio private_bio{BIO_new(BIO_s_mem()), &BIO_free};
  Bio public_bio{BIO_new(BIO_s_mem()), &BIO_free};
  if (!key || !private_bio || !public_bio ||
      PEM_write_bio_PrivateKey(private_bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1 ||
      PEM_write_bio_PUBKEY(public_bio.get(), key.get()) != 1)
    throw std::runtime_error("cannot generate an RSA key pair");
  return {drain(private_bio.get()), drain(public_bio.get())};
}

std::string write_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream file{path, std::ios::binary | std::ios::trunc};
  file << text;
  if (!file.flush()) throw std::runtime_error("cannot write " + path.string());
  return path.string();
}

}  // namespace testing_support

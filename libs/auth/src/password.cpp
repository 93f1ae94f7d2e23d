#include "auth/password.hpp"

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <array>
#include <stdexcept>

namespace auth {
namespace {

constexpr std::uint32_t time_cost = 2;
constexpr std::uint32_t memory_kib = 19 * 1024;
constexpr std::uint32_t lanes = 1;
constexpr std::size_t salt_bytes = 16;
constexpr std::size_t hash_bytes = 32;
// What every hash made with the parameters above starts with; anything else needs a rehash.
constexpr std::string_view current_prefix = "$argon2id$v=19$m=19456,t=2,p=1$";

template <std::size_t N>
std::array<unsigned char, N> random_bytes() {
  std::array<unsigned char, N> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) throw std::runtime_error("no randomness");
  return bytes;
}

}  // namespace

// libargon2 allocates its 19 MiB with malloc, which each thread's arena reuses from hash to hash.
std::string hash_password(std::string_view password) {
  const auto salt = random_bytes<salt_bytes>();
  std::string encoded(argon2_encodedlen(time_cost, memory_kib, lanes, salt_bytes, hash_bytes, Argon2_id), '\0');
  const int status = argon2id_hash_encoded(time_cost, memory_kib, lanes, password.data(), password.size(), salt.data(),
                                           salt.size(), hash_bytes, encoded.data(), encoded.size());
  if (status != ARGON2_OK)
    throw std::runtime_error(std::string("password hashing failed: ") + argon2_error_message(status));
  encoded.resize(encoded.find('\0'));
  return encoded;
}

bool verify_password(std::string_view hash, std::string_view password) {
  if (hash.find('\0') != std::string_view::npos) return false;
  const std::string c_hash{hash};  // libargon2 wants a NUL-terminated string
  return argon2id_verify(c_hash.c_str(), password.data(), password.size()) == ARGON2_OK;
}

bool needs_rehash(std::string_view hash) { return !hash.starts_with(current_prefix); }

const std::string& dummy_hash() {
  static const std::string hash = [] {
    auto secret = random_bytes<32>();
    auto dummy = hash_password({reinterpret_cast<const char*>(secret.data()), secret.size()});
    OPENSSL_cleanse(secret.data(), secret.size());
    return dummy;
  }();
  return hash;
}

}  // namespace auth

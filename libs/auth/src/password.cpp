#include "auth/password.hpp"

#include <sodium.h>

#include <array>
#include <mutex>
#include <stdexcept>

namespace auth {
namespace {

constexpr unsigned long long opslimit = 2;
constexpr std::size_t memlimit = 19 * 1024 * 1024;

void ensure_sodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium initialisation failed");
  });
}

// libsodium wants a NUL-terminated hash that fits crypto_pwhash_STRBYTES.
bool as_c_string(std::string_view hash, std::array<char, crypto_pwhash_STRBYTES>& out) {
  if (hash.size() >= out.size() || hash.find('\0') != std::string_view::npos) return false;
  out.fill('\0');
  hash.copy(out.data(), hash.size());
  return true;
}

}  // namespace

std::string hash_password(std::string_view password) {
  ensure_sodium();
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), opslimit, memlimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("password hashing failed (out of memory)");
  }
  return std::string(out.data());
}

bool verify_password(std::string_view hash, std::string_view password) {
  ensure_sodium();
  std::array<char, crypto_pwhash_STRBYTES> c_hash{};
  if (!as_c_string(hash, c_hash)) return false;
  return crypto_pwhash_str_verify(c_hash.data(), password.data(), password.size()) == 0;
}

bool needs_rehash(std::string_view hash) {
  ensure_sodium();
  std::array<char, crypto_pwhash_STRBYTES> c_hash{};
  if (!as_c_string(hash, c_hash)) return true;
  return crypto_pwhash_str_needs_rehash(c_hash.data(), opslimit, memlimit) != 0;
}

const std::string& dummy_hash() {
  static const std::string hash = [] {
    ensure_sodium();
    std::array<unsigned char, 32> secret{};
    randombytes_buf(secret.data(), secret.size());
    std::array<char, secret.size() * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), secret.data(), secret.size());
    sodium_memzero(secret.data(), secret.size());
    return hash_password(std::string_view(hex.data(), secret.size() * 2));
  }();
  return hash;
}

}  // namespace auth

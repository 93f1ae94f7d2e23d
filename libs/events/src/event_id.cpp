#include "events/event_id.hpp"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

#include "events/formats.hpp"

namespace events {
namespace {

// The namespace of this project's first-login event ids (a random v4 UUID, fixed forever).
constexpr std::string_view first_login_namespace = "6f1d2b8e-3c4a-4e5f-9a7b-8c9d0e1f2a3b";

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::array<unsigned char, 16> uuid_bytes(std::string_view uuid) {
  if (!is_uuid(uuid)) throw std::invalid_argument("not a UUID");
  std::array<unsigned char, 16> bytes{};
  std::size_t at = 0;
  for (std::size_t i = 0; i + 1 < uuid.size(); ++i) {
    if (uuid[i] == '-') continue;
    bytes[at++] = static_cast<unsigned char>(hex_digit(uuid[i]) * 16 + hex_digit(uuid[i + 1]));
    ++i;
  }
  return bytes;
}

std::string uuid_text(const unsigned char* bytes) {
  constexpr std::string_view digits = "0123456789abcdef";
  std::string text;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
    text += digits[bytes[i] >> 4U];
    text += digits[bytes[i] & 0x0FU];
  }
  return text;
}

}  // namespace

std::string uuid_v5(std::string_view namespace_uuid, std::string_view name) {
  const auto space = uuid_bytes(namespace_uuid);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  const bool ok = context && EVP_DigestInit_ex(context, EVP_sha1(), nullptr) == 1 &&
                  EVP_DigestUpdate(context, space.data(), space.size()) == 1 &&
                  EVP_DigestUpdate(context, name.data(), name.size()) == 1 &&
                  EVP_DigestFinal_ex(context, digest, &length) == 1;
  EVP_MD_CTX_free(context);
  if (!ok) throw std::runtime_error("SHA-1 failed");
  digest[6] = static_cast<unsigned char>((digest[6] & 0x0FU) | 0x50U);  // version 5
  digest[8] = static_cast<unsigned char>((digest[8] & 0x3FU) | 0x80U);  // RFC 9562 variant
  return uuid_text(digest);
}

std::string first_login_event_id(std::string_view user_id) { return uuid_v5(first_login_namespace, user_id); }

}  // namespace events

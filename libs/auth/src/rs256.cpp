#include "rs256.hpp"

#include "openssl_handles.hpp"

#include <openssl/err.h>
#include <openssl/rsa.h>

#include <stdexcept>

namespace auth::detail {
namespace {

// A digest context set up for SHA-256 with PKCS#1 v1.5 padding, whatever the key's defaults.
template <class Init>
MdCtxPtr rs256_context(EVP_PKEY* key, Init init) {
  MdCtxPtr ctx{EVP_MD_CTX_new()};
  EVP_PKEY_CTX* pkey_ctx = nullptr;  // owned by ctx
  if (!ctx || init(ctx.get(), &pkey_ctx, "SHA256", nullptr, nullptr, key, nullptr) != 1 ||
      EVP_PKEY_CTX_set_rsa_padding(pkey_ctx, RSA_PKCS1_PADDING) <= 0) {
    ERR_clear_error();
    return nullptr;
  }
  return ctx;
}

}  // namespace

std::string rs256_sign(EVP_PKEY* key, std::string_view signing_input) {
  const auto ctx = rs256_context(key, EVP_DigestSignInit_ex);
  const auto* data = reinterpret_cast<const unsigned char*>(signing_input.data());
  std::size_t length = 0;
  if (!ctx || EVP_DigestSign(ctx.get(), nullptr, &length, data, signing_input.size()) != 1) {
    ERR_clear_error();
    throw std::runtime_error("RS256 signing failed");
  }
  std::string signature(length, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, data,
                     signing_input.size()) != 1) {
    ERR_clear_error();
    throw std::runtime_error("RS256 signing failed");
  }
  signature.resize(length);
  return signature;
}

bool rs256_verify(EVP_PKEY* key, std::string_view signing_input, std::string_view signature) {
  const auto ctx = rs256_context(key, EVP_DigestVerifyInit_ex);
  if (!ctx) return false;
  const int ok = EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                                  reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size());
  if (ok != 1) ERR_clear_error();
  return ok == 1;
}

}  // namespace auth::detail

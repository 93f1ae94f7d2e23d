#include "auth/keys.hpp"

#include "base64url.hpp"
#include "config/list.hpp"
#include "openssl_handles.hpp"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/x509.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace auth {
namespace detail {
void PkeyFree::operator()(EVP_PKEY* key) const noexcept { EVP_PKEY_free(key); }
}  // namespace detail

namespace {

constexpr int min_rsa_bits = 2048;

// Raises KeyError after dropping OpenSSL's error queue (its entries never reach the caller).
[[noreturn]] void fail(const char* message) {
  ERR_clear_error();
  throw KeyError(message);
}

// PEM text as given, or the contents of the file it names.
std::string pem_text(std::string_view pem_or_path) {
  if (pem_or_path.find("-----BEGIN") != std::string_view::npos) return std::string(pem_or_path);
  std::ifstream file{std::string(pem_or_path), std::ios::binary};
  if (!file) fail("key is neither PEM text nor a readable PEM file");
  std::ostringstream text;
  text << file.rdbuf();
  return std::move(text).str();
}

detail::OwnedPkey decode_rsa(const std::string& pem, int selection) {
  EVP_PKEY* raw = nullptr;
  const detail::DecoderCtxPtr ctx{
      OSSL_DECODER_CTX_new_for_pkey(&raw, "PEM", nullptr, "RSA", selection, nullptr, nullptr)};
  if (!ctx) fail("cannot create a key decoder");
  const auto* data = reinterpret_cast<const unsigned char*>(pem.data());
  std::size_t length = pem.size();
  const int ok = OSSL_DECODER_from_data(ctx.get(), &data, &length);
  detail::OwnedPkey key{raw};
  if (ok != 1 || !key) fail("cannot decode an RSA key from the PEM data");
  return key;
}

detail::BignumPtr bn_param(EVP_PKEY* key, const char* name) {
  BIGNUM* raw = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &raw) != 1) {
    ERR_clear_error();
    return nullptr;
  }
  return detail::BignumPtr{raw};
}

void check_rsa(EVP_PKEY* key) {
  if (EVP_PKEY_is_a(key, "RSA") != 1) fail("key is not an RSA key");
  if (EVP_PKEY_get_bits(key) < min_rsa_bits) fail("RSA key is shorter than 2048 bits");
}

std::string unsigned_bytes(const BIGNUM& bn) {
  std::string out(static_cast<std::size_t>(BN_num_bytes(&bn)), '\0');
  BN_bn2bin(&bn, reinterpret_cast<unsigned char*>(out.data()));
  return out;
}

// RFC 7638 §3: SHA-256 over {"e":..,"kty":"RSA","n":..} with members in lexicographic order.
std::string thumbprint(std::string_view n, std::string_view e) {
  std::string jwk = R"({"e":")";
  jwk.append(e).append(R"(","kty":"RSA","n":")").append(n).append(R"("})");
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_length = 0;
  if (EVP_Digest(jwk.data(), jwk.size(), digest, &digest_length, EVP_sha256(), nullptr) != 1) {
    fail("cannot hash the JWK");
  }
  return detail::base64url_encode(std::string_view(reinterpret_cast<const char*>(digest), digest_length));
}

detail::BignumPtr bn_from_base64url(std::string_view text) {
  const auto bytes = detail::base64url_decode(text);
  if (!bytes || bytes->empty()) fail("JWK component is not base64url");
  detail::BignumPtr bn{
      BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes->data()), static_cast<int>(bytes->size()), nullptr)};
  if (!bn) fail("cannot read a JWK component");
  return bn;
}

}  // namespace

PrivateKey PrivateKey::load(std::string_view pem_or_path) {
  auto key = decode_rsa(pem_text(pem_or_path), EVP_PKEY_KEYPAIR);
  check_rsa(key.get());
  if (!bn_param(key.get(), OSSL_PKEY_PARAM_RSA_D)) fail("PEM data holds no RSA private key");
  return PrivateKey(std::move(key));
}

PublicKey::PublicKey(detail::OwnedPkey key) : key_(std::move(key)) {
  check_rsa(key_.get());
  const auto n = bn_param(key_.get(), OSSL_PKEY_PARAM_RSA_N);
  const auto e = bn_param(key_.get(), OSSL_PKEY_PARAM_RSA_E);
  if (!n || !e) fail("cannot read the RSA public components");
  n_ = detail::base64url_encode(unsigned_bytes(*n));
  e_ = detail::base64url_encode(unsigned_bytes(*e));
  kid_ = thumbprint(n_, e_);
}

PublicKey PublicKey::load(std::string_view pem_or_path) {
  auto key = decode_rsa(pem_text(pem_or_path), EVP_PKEY_PUBLIC_KEY);
  // A private key given where a public key belongs is a configuration mistake, not a convenience.
  if (bn_param(key.get(), OSSL_PKEY_PARAM_RSA_D)) fail("expected a public key, got a private key");
  return PublicKey(std::move(key));
}

PublicKey PublicKey::from_private(const PrivateKey& key) {
  const int length = i2d_PUBKEY(key.native(), nullptr);
  if (length <= 0) fail("cannot encode the public key");
  std::vector<unsigned char> der(static_cast<std::size_t>(length));
  unsigned char* out = der.data();
  if (i2d_PUBKEY(key.native(), &out) != length) fail("cannot encode the public key");
  const unsigned char* in = der.data();
  detail::OwnedPkey pub{d2i_PUBKEY(nullptr, &in, length)};
  if (!pub) fail("cannot decode the public key");
  return PublicKey(std::move(pub));
}

PublicKey PublicKey::from_jwk(std::string_view n, std::string_view e) {
  const auto modulus = bn_from_base64url(n);
  const auto exponent = bn_from_base64url(e);
  const detail::ParamBldPtr builder{OSSL_PARAM_BLD_new()};
  if (!builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, modulus.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, exponent.get()) != 1) {
    fail("cannot build RSA parameters");
  }
  const detail::ParamPtr params{OSSL_PARAM_BLD_to_param(builder.get())};
  const detail::PkeyCtxPtr ctx{EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr)};
  EVP_PKEY* raw = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
    fail("cannot build an RSA key from JWK components");
  }
  return PublicKey(detail::OwnedPkey{raw});
}

PublicKey::PublicKey(const PublicKey& other) : n_(other.n_), e_(other.e_), kid_(other.kid_) {
  if (EVP_PKEY_up_ref(other.key_.get()) != 1) fail("cannot share the public key");
  key_.reset(other.key_.get());
}

PublicKey& PublicKey::operator=(const PublicKey& other) {
  if (this != &other) *this = PublicKey(other);
  return *this;
}

std::vector<PublicKey> load_public_keys(std::string_view list) {
  if (list.find("-----BEGIN") != std::string_view::npos) return {PublicKey::load(list)};
  std::vector<PublicKey> keys;
  for (const std::filesystem::path path : config::comma_list(list)) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) {
      keys.push_back(PublicKey::load(path.string()));
      continue;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(path, ec))
      if (entry.path().extension() == ".pem") files.push_back(entry.path());
    if (ec) fail("cannot read a key directory");
    std::sort(files.begin(), files.end());
    for (const auto& file : files) keys.push_back(PublicKey::load(file.string()));
  }
  return keys;
}

}  // namespace auth

// End-to-end: the users service's JWKS, key rotation on both services, and what a flood of unknown kids costs.
#include <boost/json.hpp>

#include <random>
#include <thread>

#include "auth/keys.hpp"
#include "jwks_server.hpp"
#include "pipeline_fixture.hpp"
#include "testing/keys.hpp"
#include "testing/stack.hpp"

using namespace testing_support;
using namespace std::chrono_literals;

namespace {

std::string body(const boost::json::object& object) { return boost::json::serialize(object); }

std::string base64url(const std::string& text) {
  static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned bits = 0, value = 0;
  for (const unsigned char c : text) {
    value = (value << 8) | c;
    bits += 8;
    while (bits >= 6) out += alphabet[(value >> (bits -= 6)) & 63];
  }
  if (bits) out += alphabet[(value << (6 - bits)) & 63];
  return out;
}

// The kid a compact JWS names in its header.
std::string kid_of(const std::string& token) {
  const auto header = token.substr(0, token.find('.'));
  std::string padded = header;
  for (auto& c : padded) c = c == '-' ? '+' : c == '_' ? '/' : c;
  while (padded.size() % 4) padded += '=';
  static constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string text;
  unsigned bits = 0, value = 0;
  for (const char c : padded) {
    if (c == '=') break;
    value = (value << 6) | static_cast<unsigned>(alphabet.find(c));
    bits += 6;
    if (bits >= 8) text += static_cast<char>((value >> (bits -= 8)) & 0xff);
  }
  return std::string(boost::json::parse(text).at("kid").as_string());
}

class Keys : public Pipeline {
 protected:
  void SetUp() override {
    Pipeline::SetUp();
    if (IsSkipped()) return;
    dir_ = "/tmp/" + unique_name("keys_test");
  }
  void TearDown() override {
    Pipeline::TearDown();
    std::filesystem::remove_all(dir_);
  }

  std::string token_of(const std::string& identifier) {
    auto reply = request(users_port_, "POST", "/users/login",
                         body({{"identifier", identifier}, {"password", "correct horse battery"}}), another_client());
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.status == 200 ? std::string(reply.json().at("token").as_string()) : "";
  }
  int status(unsigned short port, const std::string& target, const std::string& token) {
    return request(port, "GET", target, "", {{"Authorization", "Bearer " + token}}).status;
  }
  // Restarts users-service with `private_key` signing and `previous` (files) still verifying.
  void restart_users(const std::string& private_key, const std::string& previous) {
    users_.reset();
    start_users(true, {{"PRIVATE_KEY", private_key}, {"PREVIOUS_PUBLIC_KEYS", previous}});
  }
  std::string jwks() { return request(users_port_, "GET", "/.well-known/jwks.json").body; }

  std::filesystem::path dir_;
};

TEST_F(Keys, TheKeySetPublishesTheSigningKeyAndThePreviousOnesButNoPrivateMember) {
  const auto previous = generate_key_pair();
  start_users(true, {{"PREVIOUS_PUBLIC_KEYS", write_file(dir_ / "previous" / "old.pem", previous.public_pem)}});
  const auto token = token_of(seed_users("jwks_user", 1)[0]);

  const auto reply = request(users_port_, "GET", "/.well-known/jwks.json");
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(reply.headers.at("Cache-Control"), "public, max-age=300");
  const auto keys = boost::json::parse(reply.body).at("keys").as_array();
  ASSERT_EQ(keys.size(), 2u);
  const auto configured = auth::PublicKey::load(std::getenv("PUBLIC_KEY") ? std::getenv("PUBLIC_KEY")
                                                                          : PROJECT_SOURCE_DIR "/.run/keys/public.pem");
  const auto& signing = keys[0].as_object();
  EXPECT_EQ(signing.at("n").as_string(), configured.n());
  EXPECT_EQ(signing.at("e").as_string(), configured.e());
  EXPECT_EQ(signing.at("kid").as_string(), kid_of(token));
  EXPECT_EQ(keys[1].at("kid").as_string(), auth::PublicKey::load(previous.public_pem).kid());
  for (const auto& key : keys) {
    EXPECT_EQ(key.at("kty"), "RSA");
    EXPECT_EQ(key.at("alg"), "RS256");
    EXPECT_EQ(key.at("use"), "sig");
    for (const char* secret : {"d", "p", "q", "dp", "dq", "qi", "oth"})
      EXPECT_FALSE(key.as_object().contains(secret)) << secret;
  }
}

TEST_F(Keys, ARotationKeepsOldTokensUntilTheirKeyLeavesTheSetAndNewTokensWorkAtOnce) {
  JwksServer jwks_server;
  const auto old_pair = generate_key_pair();
  const auto new_pair = generate_key_pair();
  const auto old_private = write_file(dir_ / "old" / "private.pem", old_pair.private_pem);
  const auto old_public = write_file(dir_ / "previous" / "old.pem", old_pair.public_pem);
  const auto new_private = write_file(dir_ / "new" / "private.pem", new_pair.private_pem);

  restart_users(old_private, "");
  jwks_server.serve(jwks());
  start_promotion_api({{"JWKS_URI", jwks_server.uri()}, {"JWKS_UNKNOWN_KID_INTERVAL_SECONDS", "1"}});
  const auto identifier = seed_users("rotating_user", 1)[0];
  const auto old_token = token_of(identifier);
  ASSERT_EQ(status(promotion_port_, "/vouchers", old_token), 200);

  // The rotation: a new signing key, the old public key kept; the published set follows the users service.
  restart_users(new_private, old_public);
  jwks_server.serve(jwks());
  const auto new_token = token_of(identifier);
  EXPECT_EQ(status(users_port_, "/users/me", new_token), 200);
  EXPECT_EQ(status(users_port_, "/users/me", old_token), 200);
  // The first request with the new kid makes promotion fetch the set (in the background), without a restart.
  EXPECT_TRUE(eventually([&] { return status(promotion_port_, "/vouchers", new_token) == 200; }, 3s));
  EXPECT_EQ(status(promotion_port_, "/vouchers", old_token), 200);

  // The old key leaves the set: its tokens are refused on both services, cached or not.
  restart_users(new_private, "");
  EXPECT_EQ(status(users_port_, "/users/me", old_token), 401);
  EXPECT_EQ(status(users_port_, "/users/me", new_token), 200);
  jwks_server.serve(jwks());
  std::this_thread::sleep_for(1100ms);  // past the unknown-kid interval of the last fetch
  const auto unknown = base64url(R"({"alg":"RS256","kid":"nobody"})") + ".e30.AA";
  EXPECT_EQ(status(promotion_port_, "/vouchers", unknown), 401);  // makes promotion look again
  EXPECT_TRUE(eventually([&] { return status(promotion_port_, "/vouchers", old_token) == 401; }, 3s));
  EXPECT_EQ(status(promotion_port_, "/vouchers", new_token), 200);
}

TEST_F(Keys, AFailedFetchKeepsTheLastGoodKeySet) {
  JwksServer jwks_server;
  start_users();
  jwks_server.serve(jwks());
  start_promotion_api({{"JWKS_URI", jwks_server.uri()}, {"JWKS_UNKNOWN_KID_INTERVAL_SECONDS", "1"}});
  const auto token = token_of(seed_users("kept_keys", 1)[0]);
  ASSERT_EQ(status(promotion_port_, "/vouchers", token), 200);
  jwks_server.serve(R"({"keys": "not a key set"})");
  const auto unknown = base64url(R"({"alg":"RS256","kid":"nobody"})") + ".e30.AA";
  std::this_thread::sleep_for(1100ms);
  EXPECT_EQ(status(promotion_port_, "/vouchers", unknown), 401);  // makes promotion fetch the broken document
  EXPECT_TRUE(eventually(
      [&] {
        const auto text = request(promotion_port_, "GET", "/metrics").body;
        return text.find("jwks_fetches_total{outcome=\"failed\"} 1") != std::string::npos;
      },
      3s));
  EXPECT_EQ(status(promotion_port_, "/vouchers", token), 200) << "the last good key set was dropped";
}

TEST_F(Keys, AThousandUnknownKidsCauseAtMostOneFetch) {
  JwksServer jwks_server;
  start_users();
  jwks_server.serve(jwks());
  start_promotion_api({{"JWKS_URI", jwks_server.uri()}});
  const auto at_start = jwks_server.fetches();
  EXPECT_EQ(at_start, 1);
  std::mt19937_64 random{std::random_device{}()};
  const auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 1000; ++i) {
    const auto header = R"({"alg":"RS256","typ":"JWT","kid":")" + std::to_string(random()) + R"("})";
    const auto forged = base64url(header) + "." + base64url(R"({"sub":"x","exp":9999999999})") + ".AAAA";
    ASSERT_EQ(status(promotion_port_, "/vouchers", forged), 401);
  }
  std::this_thread::sleep_for(500ms);  // a fetch the last kids asked for would have happened by now
  const auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started);
  const auto caused = jwks_server.fetches() - at_start;
  std::cout << "[ keys ] 1000 unknown kids in " << elapsed.count() << " s caused " << caused << " JWKS fetch(es)\n";
  ASSERT_LT(elapsed, 30s) << "the interval ran out: the bound below would not hold";
  EXPECT_EQ(caused, 1);
}

}  // namespace

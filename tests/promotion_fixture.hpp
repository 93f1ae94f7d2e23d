#pragma once
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "auth/token_issuer.hpp"
#include "pg/blocking.hpp"
#include "testing/http_client.hpp"
#include "testing/process.hpp"
#include "testing/temp_database.hpp"

// A migrated promotion database of its own and `promotion-service serve` on a free port, with tokens
// signed by the project's key pair (PRIVATE_KEY/PUBLIC_KEY, default .run/keys/).
class PromotionService : public ::testing::Test {
 protected:
  static constexpr const char* user_a = "0b6a4c1e-1111-4a4a-8a8a-00000000000a";
  static constexpr const char* user_b = "0b6a4c1e-2222-4b4b-8b8b-00000000000b";
  static constexpr const char* admin = "0b6a4c1e-3333-4c4c-8c8c-00000000000c";

  void SetUp() override;
  void TearDown() override;

  std::map<std::string, std::string> environment() const;

  // A token for `sub`, issued `age` ago with the service's issuer and audience (30 minutes of validity).
  std::string token(const std::string& sub, bool is_admin,
                    std::chrono::system_clock::duration age = std::chrono::seconds(0)) const;
  std::string admin_token() const { return token(admin, true); }

  // One request; `bearer` empty sends no Authorization header.
  testing_support::Reply call(const std::string& method, const std::string& target, const std::string& bearer,
                              const std::string& body = "");
  std::int64_t count(const std::string& sql);

  // A voucher of `user` inserted with SQL (not through the consumer) from a campaign of its own, issued
  // `issued_ago` before now and expiring `expires_in` from now (intervals: "2 days", "-1 hour"); returns its id.
  std::string insert_voucher(const std::string& user, const std::string& issued_ago, const std::string& expires_in,
                             bool redeemed = false);

  std::unique_ptr<testing_support::TempDatabase> database_;
  std::optional<pg::BlockingConnection> sql_;
  std::optional<auth::TokenIssuer> issuer_;
  std::string log_dir_;
  std::string revocation_stream_;  // of this test alone
  unsigned short port_ = 0;
  std::unique_ptr<testing_support::Process> service_;
};

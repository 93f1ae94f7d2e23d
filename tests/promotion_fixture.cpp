#include "promotion_fixture.hpp"

#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "testing/stack.hpp"

using namespace testing_support;

namespace {

constexpr const char* issuer = "promotion-test-issuer";
constexpr const char* audience = "promotion-test-audience";

std::string key_path(const char* variable, const char* file) {
  const char* path = std::getenv(variable);
  return path && *path ? path : std::string(PROJECT_SOURCE_DIR) + "/.run/keys/" + file;
}

}  // namespace

void PromotionService::SetUp() {
  if (pg_uri().empty() || mq_uri().empty()) GTEST_SKIP() << "TEST_PG_URI/TEST_MQ_URI not set: run `make test`";
  revocation_stream_ = unique_name("revocations_test");
  database_ = std::make_unique<TempDatabase>("promotion_test");
  log_dir_ = "/tmp/" + unique_name("promotion_logs");
  issuer_.emplace(auth::PrivateKey::load(key_path("PRIVATE_KEY", "private.pem")), issuer, audience,
                  std::chrono::minutes(30));
  Process migrate{binary("services/promotion/promotion-service"), {"migrate"}, environment()};
  ASSERT_EQ(migrate.wait(), 0) << migrate.output();
  sql_.emplace(database_->uri());
  port_ = free_port();
  service_ = std::make_unique<Process>(
      binary("services/promotion/promotion-service"),
      std::vector<std::string>{"serve", "--port", std::to_string(port_), "--workers", "2"}, environment());
  wait_until_ready(port_);
}

void PromotionService::TearDown() {
  if (service_ && HasFailure()) std::cerr << "promotion-service output:\n" << service_->output();
  service_.reset();
  sql_.reset();
  database_.reset();
}

std::map<std::string, std::string> PromotionService::environment() const {
  return {{"DB_URI", database_->uri()},
          {"MQ_URI", mq_uri()},
          {"MQ_REVOCATIONS_STREAM", revocation_stream_},
          {"PUBLIC_KEY", key_path("PUBLIC_KEY", "public.pem")},
          {"JWT_ISSUER", issuer},
          {"JWT_AUDIENCE", audience},
          {"LOG_DIR", log_dir_},
          {"DB_POOL_SIZE", "8"},
          {"HOST", "127.0.0.1"}};
}

std::string PromotionService::token(const std::string& sub, bool is_admin,
                                    std::chrono::system_clock::duration age) const {
  return issuer_->issue(sub, is_admin, "tester", std::chrono::system_clock::now() - age);
}

Reply PromotionService::call(const std::string& method, const std::string& target, const std::string& bearer,
                             const std::string& body) {
  std::map<std::string, std::string> headers;
  if (!bearer.empty()) headers["Authorization"] = "Bearer " + bearer;
  return request(port_, method, target, body, headers);
}

std::int64_t PromotionService::count(const std::string& sql) {
  return std::stoll(std::string(sql_->exec(sql).get(0, 0)));
}

std::string PromotionService::insert_voucher(const std::string& user, const std::string& issued_ago,
                                             const std::string& expires_in, bool redeemed) {
  auto r = sql_->exec(
      "WITH campaign AS ("
      "  INSERT INTO campaigns (name, discount_percent, number_of_vouchers, remaining_vouchers, voucher_duration_days)"
      "  VALUES ('seeded', 30, 10, 9, 30) RETURNING id)"
      " INSERT INTO vouchers (code, campaign_id, user_id, event_id, discount_percent, issued_at, expires_at, "
      "redeemed_at)"
      " SELECT upper(left(md5(random()::text), 12)), campaign.id, $1, gen_random_uuid(), 30, now() - $2::interval,"
      "        now() + $3::interval, CASE WHEN $4::boolean THEN now() END FROM campaign"
      " RETURNING id",
      {user, issued_ago, expires_in, redeemed ? "true" : "false"});
  return std::string(r.get(0, 0));
}

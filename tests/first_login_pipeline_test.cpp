// First logins through the real users-service, its outbox relay, the broker and the consumer.
#include <boost/json/serialize.hpp>
#include <thread>

#include "auth/keys.hpp"
#include "pipeline_fixture.hpp"
#include "testing/stack.hpp"

using namespace testing_support;
using namespace std::chrono_literals;

class ExactlyN : public Pipeline, public ::testing::WithParamInterface<int> {};

// Invariant 4 under load: 1,000 first logins race for a campaign of 100, granted by two consumer
// replicas (each one grants one batch at a time, so only replicas race inside the database).
TEST_P(ExactlyN, ThousandFirstLoginsGetExactlyOneHundredVouchers) {
  const int tasks = GetParam();
  create_campaign(100);
  start_users();
  start_consumer(tasks, 2);
  const auto identifiers = seed_users("racer", 1000);
  EXPECT_EQ(login_all(identifiers, 16), 1000);
  ASSERT_TRUE(wait_processed(1000, 120s)) << promotion_count("SELECT count(*) FROM processed_events");
  check_invariants(1000);
  EXPECT_EQ(promotion_count("SELECT count(*) FROM vouchers"), 100);
  EXPECT_EQ(promotion_count("SELECT count(DISTINCT user_id) FROM vouchers"), 100);
  EXPECT_EQ(promotion_count("SELECT remaining_vouchers FROM campaigns"), 0);
  EXPECT_EQ(users_count("SELECT count(*) FROM outbox"), 1000);
}

INSTANTIATE_TEST_SUITE_P(Tasks, ExactlyN, ::testing::Values(1, 8, 64));

TEST_F(Pipeline, BrokerRestartDuringFirstLoginsLosesNothing) {
  create_campaign(1000);
  start_users();
  start_consumer(8);
  const auto identifiers = seed_users("steady", 200);
  std::thread logins{[&] { EXPECT_EQ(login_all(identifiers, 4), 200); }};
  ASSERT_TRUE(eventually([&] { return promotion_count("SELECT count(*) FROM processed_events") >= 20; }, 60s));
  stack("restart-mq");
  logins.join();
  ASSERT_TRUE(wait_processed(200, 120s)) << promotion_count("SELECT count(*) FROM processed_events");
  check_invariants(200);
  EXPECT_EQ(users_count("SELECT count(*) FROM outbox WHERE published_at IS NULL"), 0);
}

TEST_F(Pipeline, EventsWrittenWhileTheRelayIsStoppedAllArrive) {
  create_campaign(1000);
  start_users(false);
  start_consumer(8);
  const auto identifiers = seed_users("waiting", 200);
  EXPECT_EQ(login_all(identifiers), 200);
  std::this_thread::sleep_for(1s);
  EXPECT_EQ(users_count("SELECT count(*) FROM outbox WHERE published_at IS NULL"), 200);
  EXPECT_EQ(promotion_count("SELECT count(*) FROM processed_events"), 0);

  stop_users();
  start_users(true);
  ASSERT_TRUE(wait_processed(200, 60s)) << promotion_count("SELECT count(*) FROM processed_events");
  check_invariants(200);
  EXPECT_EQ(promotion_count("SELECT count(*) FROM vouchers"), 200);
}

TEST_F(Pipeline, RegisterFirstLoginVoucherAndRedeem) {
  create_campaign(5);
  start_users();
  start_consumer(4);
  start_promotion_api();
  auto registered = request(users_port_, "POST", "/users/register",
                            R"({"email":"new.user@example.com","password":"correct horse battery",)"
                            R"("full_name":"New User","birthday":"1995-05-05"})");
  ASSERT_EQ(registered.status, 201) << registered.body;
  auto login = request(users_port_, "POST", "/users/login",
                       R"({"identifier":"NEW.USER@example.com","password":"correct horse battery"})");
  ASSERT_EQ(login.status, 200) << login.body;
  const auto bearer = "Bearer " + std::string(login.json().at("token").as_string());

  Reply vouchers;
  ASSERT_TRUE(eventually(
      [&] {
        vouchers = request(promotion_port_, "GET", "/vouchers", "", {{"Authorization", bearer}});
        return vouchers.status == 200 && vouchers.json().at("vouchers").as_array().size() == 1;
      },
      20s))
      << vouchers.body;
  const auto body = vouchers.json();
  const auto& voucher = body.at("vouchers").as_array().at(0);
  EXPECT_EQ(voucher.at("state"), "active");
  EXPECT_EQ(voucher.at("discount_percent"), 30);
  const std::string id{voucher.at("id").as_string()};

  auto redeemed = request(promotion_port_, "POST", "/vouchers/" + id + "/redeem", "", {{"Authorization", bearer}});
  ASSERT_EQ(redeemed.status, 200) << redeemed.body;
  EXPECT_EQ(redeemed.json().at("voucher").at("state"), "redeemed");
  EXPECT_EQ(request(promotion_port_, "POST", "/vouchers/" + id + "/redeem", "", {{"Authorization", bearer}}).status,
            409);
}

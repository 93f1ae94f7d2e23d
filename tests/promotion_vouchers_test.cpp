// End-to-end: vouchers of the real promotion-service binary (list, redeem, races), tokens made here.
#include <latch>
#include <thread>
#include <vector>

#include "promotion_fixture.hpp"

using namespace testing_support;

namespace {

std::string text(const boost::json::value& value) { return std::string(value.as_string()); }

}  // namespace

TEST_F(PromotionService, VouchersListsOnlyTheCallersNewestFirstWithState) {
  const auto oldest = insert_voucher(user_a, "3 days", "27 days");
  const auto redeemed = insert_voucher(user_a, "2 days", "28 days", true);
  const auto expired = insert_voucher(user_a, "1 day", "-1 hour");
  const auto of_b = insert_voucher(user_b, "1 hour", "30 days");

  const auto a = call("GET", "/vouchers", token(user_a, false));
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.json().at("status"), "success");
  const auto vouchers = a.json().at("vouchers").as_array();
  ASSERT_EQ(vouchers.size(), 3u) << a.body;
  EXPECT_EQ(text(vouchers[0].at("id")), expired);
  EXPECT_EQ(vouchers[0].at("state"), "expired");
  EXPECT_EQ(text(vouchers[1].at("id")), redeemed);
  EXPECT_EQ(vouchers[1].at("state"), "redeemed");
  EXPECT_FALSE(vouchers[1].at("redeemed_at").is_null());
  EXPECT_EQ(text(vouchers[2].at("id")), oldest);
  EXPECT_EQ(vouchers[2].at("state"), "active");
  EXPECT_TRUE(vouchers[2].at("redeemed_at").is_null());
  EXPECT_EQ(vouchers[2].at("discount_percent"), 30);

  const auto b = call("GET", "/vouchers", token(user_b, false));
  ASSERT_EQ(b.status, 200);
  ASSERT_EQ(b.json().at("vouchers").as_array().size(), 1u);
  EXPECT_EQ(text(b.json().at("vouchers").at(0).at("id")), of_b);

  // An admin token is just another caller: its own vouchers, none.
  EXPECT_EQ(call("GET", "/vouchers", admin_token()).json().at("vouchers").as_array().size(), 0u);
  // A query string cannot choose the user.
  EXPECT_EQ(call("GET", "/vouchers?user_id=" + std::string(user_a), token(user_b, false))
                .json()
                .at("vouchers")
                .as_array()
                .size(),
            1u);
  EXPECT_EQ(call("GET", "/vouchers", "").status, 401);
  EXPECT_EQ(call("GET", "/vouchers", token(user_a, false, std::chrono::hours(2))).status, 401);
}

TEST_F(PromotionService, ConcurrentRedeemsOfOneVoucherSucceedExactlyOnce) {
  const auto id = insert_voucher(user_a, "1 hour", "30 days");
  const auto bearer = token(user_a, false);
  constexpr int attempts = 20;
  std::vector<int> statuses(attempts, 0);
  std::latch start{attempts};
  std::vector<std::thread> threads;
  for (int i = 0; i < attempts; ++i)
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      statuses[static_cast<std::size_t>(i)] = call("POST", "/vouchers/" + id + "/redeem", bearer).status;
    });
  for (auto& thread : threads) thread.join();

  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), attempts - 1);
  EXPECT_EQ(count("SELECT count(*) FROM vouchers WHERE redeemed_at IS NOT NULL"), 1);

  // A later attempt changes nothing.
  const std::string before{sql_->exec("SELECT redeemed_at::text FROM vouchers WHERE id = $1", {id}).get(0, 0)};
  const auto again = call("POST", "/vouchers/" + id + "/redeem", bearer);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.json().at("message"), "voucher already redeemed");
  EXPECT_EQ(std::string(sql_->exec("SELECT redeemed_at::text FROM vouchers WHERE id = $1", {id}).get(0, 0)), before);
}

TEST_F(PromotionService, RedeemOnlyByTheOwnerOnlyBeforeExpiry) {
  const auto of_a = insert_voucher(user_a, "1 hour", "30 days");
  const auto expired = insert_voucher(user_a, "31 days", "-1 day");
  const auto bearer_a = token(user_a, false);
  const auto bearer_b = token(user_b, false);

  const auto stolen = call("POST", "/vouchers/" + of_a + "/redeem", bearer_b);
  EXPECT_EQ(stolen.status, 404);
  EXPECT_EQ(stolen.json().at("message"), "not found");
  EXPECT_EQ(call("POST", "/vouchers/" + of_a + "/redeem", admin_token()).status, 404);
  EXPECT_EQ(count("SELECT count(*) FROM vouchers WHERE redeemed_at IS NOT NULL"), 0);

  const auto gone = call("POST", "/vouchers/" + expired + "/redeem", bearer_a);
  EXPECT_EQ(gone.status, 410);
  EXPECT_EQ(gone.json().at("message"), "voucher expired");
  EXPECT_EQ(count("SELECT count(*) FROM vouchers WHERE redeemed_at IS NOT NULL"), 0);

  EXPECT_EQ(call("POST", "/vouchers/not-a-uuid/redeem", bearer_a).status, 404);
  EXPECT_EQ(call("POST", "/vouchers/00000000-0000-4000-8000-000000000000/redeem", bearer_a).status, 404);
  EXPECT_EQ(call("POST", "/vouchers/" + of_a + "/redeem", "").status, 401);
  EXPECT_EQ(count("SELECT count(*) FROM vouchers WHERE redeemed_at IS NOT NULL"), 0);

  const auto redeemed = call("POST", "/vouchers/" + of_a + "/redeem", bearer_a);
  ASSERT_EQ(redeemed.status, 200) << redeemed.body;
  EXPECT_EQ(text(redeemed.json().at("voucher").at("id")), of_a);
  EXPECT_EQ(redeemed.json().at("voucher").at("state"), "redeemed");
  EXPECT_FALSE(redeemed.json().at("voucher").at("redeemed_at").is_null());
  EXPECT_EQ(
      count("SELECT count(*) FROM vouchers WHERE redeemed_at IS NOT NULL AND user_id = '" + std::string(user_a) + "'"),
      1);

  EXPECT_EQ(call("POST", "/vouchers/" + of_a + "/redeem", bearer_a).status, 409);
  // Another user still cannot tell the voucher exists.
  EXPECT_EQ(call("POST", "/vouchers/" + of_a + "/redeem", bearer_b).status, 404);
}

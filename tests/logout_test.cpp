// End-to-end: logout on the users service, and the same token refused by promotion replicas through the
// revocations stream (docs/architecture.md, "Logout").
#include <boost/json.hpp>

#include <algorithm>
#include <iostream>

#include "amqp/connection.hpp"
#include "pipeline_fixture.hpp"
#include "testing/stack.hpp"

using namespace testing_support;
using namespace std::chrono_literals;

namespace {

std::string body(const boost::json::object& object) { return boost::json::serialize(object); }

class Logout : public Pipeline {
 protected:
  std::string token_of(const std::string& identifier) {
    auto reply = request(users_port_, "POST", "/users/login",
                         body({{"identifier", identifier}, {"password", "correct horse battery"}}), another_client());
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.status == 200 ? std::string(reply.json().at("token").as_string()) : "";
  }
  int logout(const std::string& token, const std::string& request_body = "") {
    return request(users_port_, "POST", "/users/logout", request_body, {{"Authorization", "Bearer " + token}}).status;
  }
  int status(unsigned short port, const std::string& target, const std::string& token) {
    return request(port, "GET", target, "", {{"Authorization", "Bearer " + token}}).status;
  }
  int me(const std::string& token) { return status(users_port_, "/users/me", token); }
  int vouchers(const std::string& token, unsigned short port = 0) {
    return status(port ? port : promotion_port_, "/vouchers", token);
  }
  bool refused_by_promotion(const std::string& token, std::chrono::milliseconds within) {
    return eventually([&] { return vouchers(token) == 401; }, within);
  }
  std::int64_t metric(unsigned short port, const std::string& series) {
    const auto text = request(port, "GET", "/metrics").body;
    const auto at = text.find("\n" + series + " ");
    return at == std::string::npos ? -1 : std::stoll(text.substr(at + series.size() + 2));
  }
};

TEST_F(Logout, ARevokedTokenIsRefusedAtOnceByUsersAndWithinASecondByPromotion) {
  start_users();
  start_promotion_api();
  const auto identifiers = seed_users("logout_user", 100);
  std::vector<double> delays_ms;
  for (const auto& identifier : identifiers) {
    const auto token = token_of(identifier);
    ASSERT_EQ(vouchers(token), 200);  // verified and cached by promotion before the logout
    ASSERT_EQ(logout(token), 204);
    const auto answered = std::chrono::steady_clock::now();
    ASSERT_EQ(me(token), 401) << "users refuses a revoked token at once";
    while (vouchers(token) != 401) {
      ASSERT_LT(std::chrono::steady_clock::now() - answered, 10s) << "promotion never refused the revoked token";
      std::this_thread::sleep_for(2ms);
    }
    delays_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - answered).count());
  }
  std::sort(delays_ms.begin(), delays_ms.end());
  std::cout << "[ logout ] promotion refused the revoked token " << delays_ms[49] << " ms (p50), " << delays_ms[98]
            << " ms (p99), " << delays_ms.back() << " ms (max) after the logout answer, 100 logouts\n";
  EXPECT_EQ(logout(token_of(identifiers[0]), R"({"everywhere": "yes"})"), 400);
}

TEST_F(Logout, OnlyTheLoggedOutTokenIsRevokedUnlessEverywhere) {
  start_users();
  start_promotion_api();
  const auto identifier = seed_users("two_devices", 1)[0];
  const auto phone = token_of(identifier);
  const auto laptop = token_of(identifier);
  const auto tablet = token_of(identifier);
  ASSERT_EQ(logout(phone), 204);
  EXPECT_EQ(logout(phone), 401) << "a revoked token cannot log out again";
  EXPECT_TRUE(refused_by_promotion(phone, 10s));
  EXPECT_EQ(me(laptop), 200);
  EXPECT_EQ(vouchers(laptop), 200);

  ASSERT_EQ(logout(laptop, R"({"everywhere": true})"), 204);
  EXPECT_EQ(me(laptop), 401);
  EXPECT_EQ(me(tablet), 401) << "every token issued up to the logout";
  EXPECT_TRUE(refused_by_promotion(tablet, 10s));
  EXPECT_TRUE(refused_by_promotion(laptop, 10s));
  std::this_thread::sleep_for(1100ms);  // cuts have second resolution: a login in the same second is refused too
  const auto fresh = token_of(identifier);
  EXPECT_EQ(me(fresh), 200);
  EXPECT_EQ(vouchers(fresh), 200);
}

TEST_F(Logout, APromotionReplicaStartedAfterTheLogoutRefusesTheToken) {
  start_users();
  const auto identifier = seed_users("late_replica", 1)[0];
  const auto revoked = token_of(identifier);
  const auto kept = token_of(identifier);
  ASSERT_EQ(logout(revoked), 204);
  ASSERT_TRUE(eventually(
      [&] { return users_count("SELECT count(*) FROM revocations WHERE published_at IS NOT NULL") == 1; }, 10s));
  start_promotion_api();  // reads the stream from now - lifetime - leeway before it answers
  EXPECT_EQ(vouchers(revoked), 401);
  EXPECT_EQ(vouchers(kept), 200);
}

TEST_F(Logout, ALogoutDuringABrokerOutageArrivesWhenTheBrokerIsBack) {
  start_users();
  start_promotion_api();
  const auto token = token_of(seed_users("outage_logout", 1)[0]);
  ASSERT_EQ(vouchers(token), 200);
  stack("stop-mq");
  const auto status = logout(token);
  stack("start-mq");
  ASSERT_EQ(status, 204) << "the logout is committed to the database, not to the broker";
  EXPECT_EQ(me(token), 401);
  EXPECT_TRUE(refused_by_promotion(token, 30s)) << "the revocation was lost with the broker down";
}

TEST_F(Logout, AMalformedRevocationIsCountedAndSkippedAndTheStreamGoesOn) {
  start_users();
  start_promotion_api();
  const auto token = token_of(seed_users("malformed_follower", 1)[0]);
  {
    amqp::Connection broker{{.uri = mq_uri()}};
    broker.enable_confirms();
    const std::vector<amqp::Message> garbage{
        {.body = "{not json", .message_id = "bad-1", .type = "user.tokens_revoked"},
        {.body = R"({"event_id":"2f1c7d1e-8a4b-4c1e-9f3a-0b5d6e7f8a9b","user_id":"u","expires":1})",
         .message_id = "bad-2",
         .type = "user.tokens_revoked"}};
    for (const auto outcome : broker.publish(revocation_stream_, garbage)) ASSERT_EQ(outcome, amqp::Confirm::acked);
  }
  ASSERT_EQ(logout(token), 204);
  EXPECT_TRUE(refused_by_promotion(token, 10s)) << "a revocation after malformed messages still applies";
  EXPECT_EQ(metric(promotion_port_, R"(revocation_messages_total{outcome="malformed"})"), 2);
  EXPECT_EQ(metric(promotion_port_, R"(revocation_messages_total{outcome="applied"})"), 1);
}

}  // namespace

// The first-login event: one outbox row per user however many logins race, relayed to a real queue
// exactly once, and kept (not lost, not failing logins) while the broker is down.
#include <boost/json/parse.hpp>
#include <set>
#include <thread>

#include "amqp/connection.hpp"
#include "testing/stack.hpp"
#include "users_fixture.hpp"

using namespace testing_support;
using namespace std::chrono_literals;

namespace {

// Every message on `queue`, acknowledged and so removed.
std::vector<amqp::Delivery> drain(const std::string& queue, std::size_t expected) {
  amqp::Connection consumer{{.uri = mq_uri()}};
  consumer.consume(queue, 100);
  std::vector<amqp::Delivery> deliveries;
  while (auto delivery = consumer.next_delivery(deliveries.size() < expected ? 10000ms : 500ms)) {
    consumer.ack(delivery->tag);
    deliveries.push_back(*delivery);
  }
  return deliveries;
}

std::uint32_t queued(const std::string& queue) {
  try {
    return amqp::Connection{{.uri = mq_uri()}}.message_count(queue);
  } catch (const amqp::Error&) {
    return 0;  // not declared yet
  }
}

}  // namespace

TEST_F(UsersService, ConcurrentFirstLoginsGiveOneEventAndEveryToken) {
  // Beyond LOGIN_MAX_FAILURES logins of one account in flight at once, the lockout refuses the excess
  // (docs/security.md); this test is about the outbox, so it lifts that limit.
  start_service({{"LOGIN_MAX_FAILURES", "1000"}});
  register_user("racer");
  std::vector<int> statuses(50);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < statuses.size(); ++i)
    threads.emplace_back([&, i] { statuses[i] = login("racer").status; });
  for (auto& thread : threads) thread.join();

  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 50);
  EXPECT_EQ(count("SELECT count(*) FROM outbox"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM users WHERE first_login_at IS NOT NULL"), 1);
  ASSERT_TRUE(eventually([&] { return queued(routing_key_) == 1; }, 10s));
}

TEST_F(UsersService, RelayDeliversEveryEventExactlyOnce) {
  constexpr int users = 20;
  for (int i = 0; i < users; ++i) register_user("user" + std::to_string(i));
  for (int i = 0; i < users; ++i) {
    ASSERT_EQ(login("user" + std::to_string(i)).status, 200);
    ASSERT_EQ(login("user" + std::to_string(i)).status, 200);  // a second login emits nothing
  }
  ASSERT_TRUE(eventually([&] { return count("SELECT count(*) FROM outbox WHERE published_at IS NULL") == 0; }, 15s));

  auto deliveries = drain(routing_key_, users);
  std::set<std::string> event_ids;
  for (const auto& delivery : deliveries) {
    event_ids.insert(delivery.message_id);
    EXPECT_EQ(delivery.type, "user.first_login");
    auto body = boost::json::parse(delivery.body);
    EXPECT_EQ(body.at("event_id").as_string(), delivery.message_id);
  }
  EXPECT_EQ(deliveries.size(), static_cast<std::size_t>(users));
  EXPECT_EQ(event_ids.size(), static_cast<std::size_t>(users));
  EXPECT_EQ(count("SELECT count(*) FROM outbox"), users);
  for (const auto& id : event_ids) EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE event_id = '" + id + "'"), 1);
}

TEST_F(UsersService, BrokerOutageDelaysEventsButNeverFailsLogins) {
  constexpr int users = 5;
  for (int i = 0; i < users; ++i) register_user("patient" + std::to_string(i));
  stack("stop-mq");
  for (int i = 0; i < users; ++i) EXPECT_EQ(login("patient" + std::to_string(i)).status, 200);
  std::this_thread::sleep_for(1500ms);  // several relay attempts against the stopped broker
  EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE published_at IS NULL"), users);

  stack("start-mq");
  ASSERT_TRUE(eventually([&] { return count("SELECT count(*) FROM outbox WHERE published_at IS NULL") == 0; }, 30s));
  auto deliveries = drain(routing_key_, users);
  std::set<std::string> event_ids;
  for (const auto& delivery : deliveries) event_ids.insert(delivery.message_id);
  EXPECT_EQ(deliveries.size(), static_cast<std::size_t>(users));
  EXPECT_EQ(event_ids.size(), static_cast<std::size_t>(users));
}

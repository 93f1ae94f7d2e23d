// The first-login consumer against the real broker and database: duplicates, poison messages,
// crashes of the consumer and a database restart, each ending with invariants 3-6 checked.
#include <thread>

#include "pipeline_fixture.hpp"
#include "testing/stack.hpp"

using namespace testing_support;
using namespace std::chrono_literals;

TEST_F(Pipeline, SameEventThreeTimesGrantsOneVoucher) {
  create_campaign(10);
  auto event = make_events(1);
  publish({event[0], event[0], event[0]});
  start_consumer(4);
  ASSERT_TRUE(wait_processed(1, 20s));
  std::this_thread::sleep_for(500ms);  // the two copies are handled too
  EXPECT_EQ(promotion_count("SELECT count(*) FROM vouchers"), 1);
  EXPECT_EQ(promotion_count("SELECT remaining_vouchers FROM campaigns"), 9);
  EXPECT_TRUE(eventually([&] { return queued() == 0; }, 10s));
  check_invariants(1);
}

// A delivery limit far away: only an immediate reject can dead-letter within the test's wait.
class FarDeliveryLimit : public Pipeline {
 protected:
  FarDeliveryLimit() { delivery_limit_ = 1000; }
};

TEST_F(FarDeliveryLimit, PoisonMessagesAreDeadLetteredAtOnceAndGoodOnesStillGranted) {
  create_campaign(10);
  auto good = make_events(4);
  publish({good[0], good[1]});
  publish_raw({"{not json",
               R"({"event_id":"2f1c7d1e-8a4b-4c1e-9f3a-0b5d6e7f8a9b","user_identifier":"x",)"
               R"("occurred_at":"2026-11-28T10:00:00Z"})",
               std::string(8000, 'x')});
  publish({good[2], good[3]});
  start_consumer(2);
  ASSERT_TRUE(wait_processed(4, 20s));
  EXPECT_TRUE(eventually([&] { return dead_letters() == 3; }, 10s)) << dead_letters();
  EXPECT_EQ(promotion_count("SELECT count(*) FROM vouchers"), 4);
  check_invariants(4);
}

TEST_F(Pipeline, ConsumerKilledThreeTimesLosesAndDuplicatesNothing) {
  create_campaign(300);
  const auto batch = make_events(500);
  publish(batch);
  start_consumer(8);
  for (int kill = 1; kill <= 3; ++kill) {
    ASSERT_TRUE(wait_processed(kill * 100, 60s));
    kill_consumer();
    start_consumer(8);
  }
  ASSERT_TRUE(wait_processed(500, 120s));
  check_invariants(500);
  EXPECT_EQ(promotion_count("SELECT count(*) FROM vouchers"), 300);
  EXPECT_EQ(promotion_count("SELECT remaining_vouchers FROM campaigns"), 0);
  EXPECT_EQ(dead_letters(), 0u);
}

TEST_F(Pipeline, DatabaseRestartMidRunDeadLettersNothing) {
  create_campaign(1000);
  publish(make_events(500));
  start_consumer(8);
  ASSERT_TRUE(wait_processed(50, 60s));
  promotion_sql_.reset();
  stack("restart-pg");
  promotion_sql_.emplace(promotion_db_->uri());
  ASSERT_TRUE(wait_processed(500, 120s)) << promotion_count("SELECT count(*) FROM processed_events");
  check_invariants(500);
  EXPECT_EQ(promotion_count("SELECT count(*) FROM vouchers"), 500);
  EXPECT_EQ(dead_letters(), 0u);
}

// Deliveries that wait together are granted in one transaction, in delivery order, as if one by one.
TEST_F(Pipeline, WaitingEventsAreGrantedInBatchesToTheFirstNInOrder) {
  create_campaign(100);
  const auto events = make_events(1000);
  publish(events);
  start_consumer(64);
  ASSERT_TRUE(wait_processed(1000, 60s)) << promotion_count("SELECT count(*) FROM processed_events");
  check_invariants(1000);
  EXPECT_EQ(promotion_count("SELECT count(*) FROM vouchers"), 100);
  EXPECT_EQ(promotion_count("SELECT count(DISTINCT user_id) FROM vouchers"), 100);
  EXPECT_EQ(promotion_count("SELECT remaining_vouchers FROM campaigns"), 0);

  std::string first_hundred;
  for (int i = 0; i < 100; ++i) first_hundred += (i ? ",'" : "'") + events[i].event_id + "'";
  EXPECT_EQ(promotion_count("SELECT count(*) FROM processed_events WHERE outcome = 'granted' AND event_id IN (" +
                            first_hundred + ")"),
            100);
  const auto commits = promotion_count("SELECT count(DISTINCT xmin::text) FROM processed_events");
  EXPECT_LE(commits, 250) << "1,000 events waiting 64 at a time take far fewer than 1,000 commits";
}

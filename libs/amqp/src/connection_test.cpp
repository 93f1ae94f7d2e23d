// Against the real RabbitMQ of the test stack (TEST_MQ_URI); skipped when it is not set.
#include "amqp/connection.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

namespace {

std::string broker_uri() {
  const char* uri = std::getenv("TEST_MQ_URI");
  return uri ? uri : "";
}

std::string unique_queue() {
  std::random_device random;
  return "amqp-test-" + std::to_string(random());
}

amqp::QueueSpec temporary_queue(const std::string& name) {
  return {.name = name, .arguments = {{"x-expires", std::int64_t{60000}}}};
}

class AmqpConnection : public ::testing::Test {
 protected:
  void SetUp() override {
    if (broker_uri().empty()) GTEST_SKIP() << "TEST_MQ_URI is not set";
  }
};

}  // namespace

TEST_F(AmqpConnection, PublishedMessagesAreAckedAndDelivered) {
  amqp::Connection publisher{{.uri = broker_uri()}};
  const auto queue = unique_queue();
  publisher.declare(temporary_queue(queue));
  publisher.enable_confirms();
  std::vector<amqp::Message> batch{{.body = "one", .message_id = "m1", .type = "t"},
                                   {.body = "two", .message_id = "m2", .type = "t"},
                                   {.body = "three", .message_id = "m3", .type = "t"}};
  auto outcomes = publisher.publish(queue, batch);
  EXPECT_EQ(outcomes, std::vector<amqp::Confirm>(3, amqp::Confirm::acked));
  EXPECT_EQ(publisher.message_count(queue), 3u);

  amqp::Connection consumer{{.uri = broker_uri()}};
  consumer.consume(queue, 2);
  std::vector<std::string> ids;
  while (auto delivery = consumer.next_delivery(std::chrono::milliseconds(2000))) {
    ids.push_back(delivery->message_id);
    EXPECT_EQ(delivery->type, "t");
    consumer.ack(delivery->tag);
    if (ids.size() == 3) break;
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"m1", "m2", "m3"}));
}

TEST_F(AmqpConnection, UnroutableMessageIsReturnedNotAcked) {
  amqp::Connection publisher{{.uri = broker_uri()}};
  publisher.enable_confirms();
  const auto queue = unique_queue();
  publisher.declare(temporary_queue(queue));
  std::vector<amqp::Message> first{{.body = "x", .message_id = "lost", .type = "t"}};
  EXPECT_EQ(publisher.publish("no-such-queue-" + queue, first), std::vector{amqp::Confirm::returned});
  std::vector<amqp::Message> second{{.body = "y", .message_id = "kept", .type = "t"}};
  EXPECT_EQ(publisher.publish(queue, second), std::vector{amqp::Confirm::acked});
}

TEST_F(AmqpConnection, RejectedWithoutRequeueLeavesTheQueue) {
  amqp::Connection connection{{.uri = broker_uri()}};
  const auto queue = unique_queue();
  connection.declare(temporary_queue(queue));
  connection.enable_confirms();
  std::vector<amqp::Message> batch{{.body = "bad", .message_id = "r1", .type = "t"}};
  connection.publish(queue, batch);
  connection.consume(queue, 1);
  auto delivery = connection.next_delivery(std::chrono::milliseconds(2000));
  ASSERT_TRUE(delivery);
  connection.reject(delivery->tag, false);
  EXPECT_FALSE(connection.next_delivery(std::chrono::milliseconds(300)));
  amqp::Connection other{{.uri = broker_uri()}};
  EXPECT_EQ(other.message_count(queue), 0u);
}

TEST(AmqpConnectionErrors, UnreachableBrokerAndBadUriThrow) {
  EXPECT_THROW(amqp::Connection({.uri = "amqp://app:app@127.0.0.1:1/%2f", .timeout = std::chrono::milliseconds(500)}),
               amqp::Error);
  EXPECT_THROW(amqp::Connection({.uri = "http://nope"}), amqp::Error);
}

TEST_F(AmqpConnection, ANodeListConnectsToANodeThatAnswersWhicheverComesFirst) {
  const std::string dead = "amqp://app:app@127.0.0.1:1/%2f";
  for (int i = 0; i < 4; ++i) {  // the first node tried rotates: both orders are met
    amqp::Connection connection{{.uri = dead + "," + broker_uri(), .timeout = std::chrono::milliseconds(1000)}};
    EXPECT_NO_THROW(connection.keep_alive());
  }
  try {
    amqp::Connection nowhere{{.uri = dead + "," + dead, .timeout = std::chrono::milliseconds(1000)}};
    ADD_FAILURE() << "connected to a node list where no node answers";
  } catch (const amqp::Error& error) {
    EXPECT_NE(std::string(error.what()).find("no broker node answered"), std::string::npos) << error.what();
  }
}

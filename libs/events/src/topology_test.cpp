#include "events/topology.hpp"

#include <gtest/gtest.h>

TEST(Topology, QuorumQueueWithDeliveryLimitAndDeadLetterQueue) {
  auto topology = events::promotion_topology("promotion", 5);
  EXPECT_EQ(topology.queue.name, "promotion");
  EXPECT_EQ(std::get<std::string>(topology.queue.arguments.at("x-queue-type")), "quorum");
  EXPECT_EQ(std::get<std::int64_t>(topology.queue.arguments.at("x-delivery-limit")), 5);
  EXPECT_EQ(std::get<std::string>(topology.queue.arguments.at("x-dead-letter-routing-key")), "promotion.dead");
  EXPECT_EQ(topology.dead_letter_queue.name, "promotion.dead");
  EXPECT_EQ(std::get<std::string>(topology.dead_letter_queue.arguments.at("x-queue-type")), "quorum");
}

TEST(Topology, RevocationStreamKeepsItsRetention) {
  const auto stream = events::revocation_stream("revocations", std::chrono::seconds(1860));
  EXPECT_EQ(stream.name, "revocations");
  EXPECT_EQ(std::get<std::string>(stream.arguments.at("x-queue-type")), "stream");
  EXPECT_EQ(std::get<std::string>(stream.arguments.at("x-max-age")), "1860s");
}

#include "events/topology.hpp"

#include "amqp/connection.hpp"

namespace events {

Topology promotion_topology(const std::string& routing_key, std::int64_t delivery_limit) {
  const std::string dead = routing_key + ".dead";
  return Topology{
      .queue = {.name = routing_key,
                .arguments = {{"x-queue-type", std::string("quorum")},
                              {"x-delivery-limit", delivery_limit},
                              {"x-dead-letter-exchange", std::string("")},
                              {"x-dead-letter-routing-key", dead}}},
      .dead_letter_queue = {.name = dead, .arguments = {{"x-queue-type", std::string("quorum")}}},
  };
}

Topology declare_promotion_topology(amqp::Connection& broker, const std::string& routing_key,
                                    std::int64_t delivery_limit) {
  auto topology = promotion_topology(routing_key, delivery_limit);
  broker.declare(topology.dead_letter_queue);
  broker.declare(topology.queue);
  return topology;
}

amqp::QueueSpec revocation_stream(const std::string& name, std::chrono::seconds retention) {
  return {
      .name = name,
      .arguments = {{"x-queue-type", std::string("stream")}, {"x-max-age", std::to_string(retention.count()) + "s"}}};
}

}  // namespace events

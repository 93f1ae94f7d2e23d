#include "events/topology.hpp"

#include "amqp/connection.hpp"

namespace events {

Topology promotion_topology(const std::string& routing_key, std::int64_t delivery_limit,
                            std::int64_t quorum_group_size) {
  const std::string dead = routing_key + ".dead";
  Topology topology{
      .queue = {.name = routing_key,
                .arguments = {{"x-queue-type", std::string("quorum")},
                              {"x-delivery-limit", delivery_limit},
                              {"x-dead-letter-exchange", std::string("")},
                              {"x-dead-letter-routing-key", dead}}},
      .dead_letter_queue = {.name = dead, .arguments = {{"x-queue-type", std::string("quorum")}}},
  };
  if (quorum_group_size > 0) {
    topology.queue.arguments["x-quorum-initial-group-size"] = quorum_group_size;
    topology.dead_letter_queue.arguments["x-quorum-initial-group-size"] = quorum_group_size;
  }
  return topology;
}

Topology declare_promotion_topology(amqp::Connection& broker, const std::string& routing_key,
                                    std::int64_t delivery_limit, std::int64_t quorum_group_size) {
  auto topology = promotion_topology(routing_key, delivery_limit, quorum_group_size);
  broker.declare(topology.dead_letter_queue);
  broker.declare(topology.queue);
  return topology;
}

amqp::QueueSpec revocation_stream(const std::string& name, std::chrono::seconds retention, std::int64_t cluster_size) {
  amqp::QueueSpec stream{
      .name = name,
      .arguments = {{"x-queue-type", std::string("stream")}, {"x-max-age", std::to_string(retention.count()) + "s"}}};
  if (cluster_size > 0) stream.arguments["x-initial-cluster-size"] = cluster_size;
  return stream;
}

}  // namespace events

#pragma once
#include <chrono>
#include <cstdint>
#include <string>

#include "amqp/types.hpp"

namespace amqp {
class Connection;
}

namespace events {

// The promotion queue and its dead-letter queue; both services declare them from here so that
// their arguments never differ (a mismatch makes the broker refuse the second declaration).
struct Topology {
  amqp::QueueSpec queue;
  amqp::QueueSpec dead_letter_queue;
};

// quorum_group_size: replicas of each queue (x-quorum-initial-group-size); 0 leaves it to the broker.
Topology promotion_topology(const std::string& routing_key, std::int64_t delivery_limit,
                            std::int64_t quorum_group_size = 0);

// Declares the dead-letter queue, then the queue that dead-letters into it; returns the topology.
Topology declare_promotion_topology(amqp::Connection& broker, const std::string& routing_key,
                                    std::int64_t delivery_limit, std::int64_t quorum_group_size);

// The stream of user.tokens_revoked events (x-queue-type stream). Every promotion replica reads it from
// now - retention, so it keeps at least `retention` (token lifetime + leeway); both services derive it from
// the token lifetime, so their declarations agree. cluster_size: replicas (x-initial-cluster-size); 0: default.
amqp::QueueSpec revocation_stream(const std::string& name, std::chrono::seconds retention,
                                  std::int64_t cluster_size = 0);

}  // namespace events

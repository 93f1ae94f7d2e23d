#pragma once
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

Topology promotion_topology(const std::string& routing_key, std::int64_t delivery_limit);

// Declares the dead-letter queue, then the queue that dead-letters into it; returns the topology.
Topology declare_promotion_topology(amqp::Connection& broker, const std::string& routing_key,
                                    std::int64_t delivery_limit);

}  // namespace events

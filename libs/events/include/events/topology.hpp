#pragma once
#include <cstdint>
#include <string>

#include "amqp/types.hpp"

namespace events {

// The promotion queue and its dead-letter queue; both services declare them from here so that
// their arguments never differ (a mismatch makes the broker refuse the second declaration).
struct Topology {
  amqp::QueueSpec queue;
  amqp::QueueSpec dead_letter_queue;
};

Topology promotion_topology(const std::string& routing_key, std::int64_t delivery_limit);

}  // namespace events

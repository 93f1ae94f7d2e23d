#include "events/topology.hpp"

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

}  // namespace events

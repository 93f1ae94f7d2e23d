// Preloads the promotion queue with N user.first_login events (random ids), as the users
// relay would publish them: same topology, message_id = event_id, type, persistent, confirms.
// usage: bench_publish MQ_URI QUEUE DELIVERY_LIMIT COUNT
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "amqp/connection.hpp"
#include "events/first_login.hpp"
#include "events/topology.hpp"

namespace {

std::string random_uuid(std::mt19937_64& rng) {
  const std::uint64_t hi = (rng() & 0xFFFFFFFFFFFF0FFFULL) | 0x4000ULL;
  const std::uint64_t lo = (rng() & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
  char text[37];
  std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0xFFFF),
                static_cast<unsigned>(lo >> 48), static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: bench_publish MQ_URI QUEUE DELIVERY_LIMIT COUNT\n");
    return 2;
  }
  const std::string queue = argv[2];
  const long count = std::atol(argv[4]);
  amqp::Connection connection{{.uri = argv[1]}};
  const auto topology = events::promotion_topology(queue, std::atol(argv[3]));
  connection.declare(topology.dead_letter_queue);
  connection.declare(topology.queue);
  connection.enable_confirms();

  std::mt19937_64 rng{std::random_device{}()};
  constexpr long batch_size = 500;
  long sent = 0;
  while (sent < count) {
    std::vector<amqp::Message> batch;
    for (long i = 0; i < batch_size && sent + i < count; ++i) {
      events::FirstLogin event{.event_id = random_uuid(rng),
                               .user_id = random_uuid(rng),
                               .user_identifier = "bench" + std::to_string(sent + i),
                               .occurred_at = "2026-11-28T10:00:00.000000Z"};
      batch.push_back(
          {.body = events::encode(event), .message_id = event.event_id, .type = std::string(events::first_login_type)});
    }
    for (auto confirm : connection.publish(queue, batch)) {
      if (confirm != amqp::Confirm::acked) {
        std::fprintf(stderr, "bench_publish: a message was not acked\n");
        return 1;
      }
    }
    sent += static_cast<long>(batch.size());
  }
  std::printf("%ld\n", sent);
  return 0;
}

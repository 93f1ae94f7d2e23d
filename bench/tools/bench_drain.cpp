// The broker's own ceiling for the consumer: drains COUNT messages from QUEUE with PREFETCH, acking
// each at once (no database), and prints messages per second.
// usage: bench_drain MQ_URI QUEUE DELIVERY_LIMIT PREFETCH COUNT
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "amqp/connection.hpp"
#include "events/topology.hpp"

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: bench_drain MQ_URI QUEUE DELIVERY_LIMIT PREFETCH COUNT\n");
    return 2;
  }
  const std::string queue = argv[2];
  const long count = std::atol(argv[5]);
  amqp::Connection connection{{.uri = argv[1]}};
  const auto topology = events::promotion_topology(queue, std::atol(argv[3]));
  connection.declare(topology.dead_letter_queue);
  connection.declare(topology.queue);
  connection.consume(queue, static_cast<std::uint16_t>(std::atoi(argv[4])));

  const auto start = std::chrono::steady_clock::now();
  long drained = 0;
  while (drained < count) {
    auto delivery = connection.next_delivery(std::chrono::seconds(5));
    if (!delivery) break;
    connection.ack(delivery->tag);
    ++drained;
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  std::printf("%.1f %ld\n", static_cast<double>(drained) / elapsed.count(), drained);
  return drained == count ? 0 : 1;
}

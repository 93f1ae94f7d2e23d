#pragma once
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "amqp/types.hpp"

namespace amqp {

struct ConnectionOptions {
  std::string uri;                          // amqp://user:pass@host:port/vhost
  std::chrono::milliseconds timeout{5000};  // connect, handshake and each RPC
  std::chrono::seconds heartbeat{0};
};

// One AMQP connection with one channel; not thread-safe: one thread owns it.
// Every failure throws amqp::Error; the connection is unusable afterwards.
class Connection {
 public:
  explicit Connection(const ConnectionOptions& options);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void declare(const QueueSpec& queue);  // durable; idempotent with the same arguments

  // Publisher: confirm mode, `mandatory` publishes to the default exchange; one outcome per
  // message in order. A message counts as acked only on an ack without a return.
  void enable_confirms();
  std::vector<Confirm> publish(std::string_view routing_key, std::span<const Message> batch);

  // Consumer: prefetch = the number of unacknowledged deliveries the broker hands out; `arguments` of
  // basic.consume, e.g. a stream's x-stream-offset.
  void consume(const std::string& queue, std::uint16_t prefetch, const std::map<std::string, Argument>& arguments = {});
  // The next delivery, or nullopt when `timeout` passed or `wake_fd` (if >= 0) became readable.
  std::optional<Delivery> next_delivery(std::chrono::milliseconds timeout, int wake_fd = -1);
  void ack(std::uint64_t tag);
  void reject(std::uint64_t tag, bool requeue);

  std::uint32_t message_count(const std::string& queue);  // passive declare

  struct State;

 private:
  std::unique_ptr<State> state_;
};

}  // namespace amqp

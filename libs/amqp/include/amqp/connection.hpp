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
  // amqp://user:pass@host:port/vhost, or several such URIs separated by commas (the nodes of a cluster).
  std::string uri;
  std::chrono::milliseconds timeout{5000};  // connect, handshake, each RPC and each publish's confirms
  std::chrono::seconds heartbeat{0};        // 0: none; else a silent peer is dead after two of them
};

// One AMQP connection with one channel; not thread-safe: one thread owns it.
// With several URIs it connects to the first node that answers, starting after the node the process used
// last (so a reconnect after a node's death goes to the next one). Every failure throws amqp::Error; the
// connection is unusable afterwards.
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

  // While idle: sends a heartbeat when one is due and throws when the broker's have stopped (a dead or
  // unreachable node), so an idle publisher notices within two heartbeats. Never blocks.
  void keep_alive();

  struct State;

 private:
  void open(std::string uri, const ConnectionOptions& options);
  std::unique_ptr<State> state_;
};

}  // namespace amqp

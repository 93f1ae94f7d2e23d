#pragma once
#include <spdlog/fwd.h>
#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

namespace users {

struct RelaySettings {
  std::string database_uri;
  std::string mq_uri;
  std::string routing_key;
  std::int64_t delivery_limit = 5;
  std::chrono::milliseconds poll{1000};  // fallback when a NOTIFY is missed
  std::size_t batch = 100;
};

// Publishes outbox rows to the promotion queue on its own thread (design §4): rows are claimed
// with FOR UPDATE SKIP LOCKED, published with confirms and `mandatory`, and marked published only
// on an ack without a return. Broker or database outages are retried with capped backoff.
class OutboxRelay {
 public:
  OutboxRelay(RelaySettings settings, std::shared_ptr<spdlog::logger> log);
  ~OutboxRelay();  // stops and joins
  OutboxRelay(const OutboxRelay&) = delete;
  OutboxRelay& operator=(const OutboxRelay&) = delete;

  void start();
  void stop();

 private:
  void run();
  std::size_t relay_once(class RelayConnections& connections);

  RelaySettings settings_;
  std::shared_ptr<spdlog::logger> log_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace users

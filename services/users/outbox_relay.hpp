#pragma once
#include <spdlog/fwd.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "outbox_store.hpp"
#include "service/settings.hpp"

namespace metrics {
class Counter;
class Gauge;
class Registry;
}  // namespace metrics

namespace users {

struct RelaySettings {
  std::string database_uri;
  service::BrokerSettings broker;
  std::chrono::seconds revocation_retention{1860};  // of the revocations stream (token lifetime + leeway)
  std::chrono::milliseconds poll{1000};             // fallback when a NOTIFY is missed
  std::size_t batch = 100;
};

// Publishes outbox rows on its own thread (design §4), first-login events to the promotion queue and logouts
// to the revocations stream: rows are claimed
// with FOR UPDATE SKIP LOCKED, published with confirms and `mandatory`, and marked published only
// on an ack without a return. Broker or database outages are retried with capped backoff.
// Metrics: outbox_published_total, outbox_publish_failures_total, outbox_pending_events,
// outbox_oldest_pending_age_seconds (the relay lag), outbox_relay_up.
class OutboxRelay {
 public:
  OutboxRelay(RelaySettings settings, std::shared_ptr<spdlog::logger> log, metrics::Registry& metrics);
  ~OutboxRelay();  // stops and joins
  OutboxRelay(const OutboxRelay&) = delete;
  OutboxRelay& operator=(const OutboxRelay&) = delete;

  void start();
  void stop();

 private:
  void run();
  std::size_t relay_once(class RelayConnections& connections, Outbox outbox);
  void drain(RelayConnections& connections);

  RelaySettings settings_;
  std::shared_ptr<spdlog::logger> log_;
  metrics::Counter& published_;
  metrics::Counter& failures_;
  metrics::Gauge& pending_;
  metrics::Gauge& oldest_age_;
  metrics::Gauge& up_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace users

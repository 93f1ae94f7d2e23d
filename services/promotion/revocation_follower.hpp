#pragma once
#include <spdlog/fwd.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "amqp/types.hpp"
#include "service/settings.hpp"

namespace auth {
class RevocationList;
}
namespace metrics {
class Counter;
class Gauge;
class Registry;
}  // namespace metrics

namespace promotion {

struct FollowerSettings {
  service::BrokerSettings broker;        // its revocation_stream is the stream followed
  std::chrono::seconds retention{1860};  // token lifetime + leeway: how far back a logout still matters
};

// Follows the revocations stream on its own thread into an in-memory revocation list (docs/architecture.md,
// "Logout"). It reads from now - retention, at start and after every reconnect, so a replica started after a
// logout knows it; it is caught up once it reads back a marker it published just before consuming.
// Malformed messages are counted, logged and skipped (a stream cannot dead-letter). Metrics:
// revocation_messages_total{outcome}, revocations_active, revocation_follower_up.
class RevocationFollower {
 public:
  RevocationFollower(FollowerSettings settings, auth::RevocationList& list, std::shared_ptr<spdlog::logger> log,
                     metrics::Registry& metrics);
  ~RevocationFollower();  // stops and joins
  RevocationFollower(const RevocationFollower&) = delete;
  RevocationFollower& operator=(const RevocationFollower&) = delete;

  void start();
  // True once the stream was read up to the moment this replica started following it.
  bool caught_up() const { return caught_up_.load(std::memory_order_acquire); }

 private:
  void run();
  void follow();
  void apply(const amqp::Delivery& delivery, const std::string& marker);

  FollowerSettings settings_;
  auth::RevocationList& list_;
  std::shared_ptr<spdlog::logger> log_;
  metrics::Counter& applied_;
  metrics::Counter& malformed_;
  metrics::Gauge& up_;
  std::atomic<bool> caught_up_{false};
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace promotion

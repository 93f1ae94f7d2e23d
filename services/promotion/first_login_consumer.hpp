#pragma once
#include <spdlog/fwd.h>
#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "events/first_login.hpp"
#include "settings.hpp"

namespace boost::asio {
class io_context;
}
namespace amqp {
class Connection;
}
namespace metrics {
class Counter;
class Gauge;
class Histogram;
class Registry;
}  // namespace metrics

namespace promotion {

class VoucherStore;
enum class GrantOutcome;

// The consumer of design §4. The calling thread owns the broker connection (rabbitmq-c is not
// thread-safe); grants run on `io`, which one thread must run. At most `tasks` deliveries are in
// flight (prefetch). They are granted in batches, one transaction at a time: every delivery that
// arrived while the previous batch was being granted goes into the next one (group commit).
// Malformed payloads are dead-lettered at once; a batch that meets a database failure keeps its
// deliveries and retries with capped backoff; a delivery is acked only after its grant committed
// (or was found to be a duplicate, or found no voucher left).
// Metrics: consumer_deliveries_total{outcome}, consumer_batch_size, consumer_grant_duration_seconds,
// consumer_in_flight, consumer_broker_connected.
class FirstLoginConsumer {
 public:
  FirstLoginConsumer(ConsumeSettings settings, VoucherStore& store, boost::asio::io_context& io,
                     std::shared_ptr<spdlog::logger> log, metrics::Registry& metrics);
  ~FirstLoginConsumer();
  FirstLoginConsumer(const FirstLoginConsumer&) = delete;
  FirstLoginConsumer& operator=(const FirstLoginConsumer&) = delete;

  // Consumes until stop(), reconnecting to the broker with capped backoff.
  void run();
  // Thread-safe: stop taking deliveries; run() returns once in-flight grants are acked or the
  // shutdown deadline passed (the broker then redelivers what was not acked).
  void stop();
  // Thread-safe: consuming on a live broker connection now.
  bool connected() const { return connected_; }

 private:
  struct Delivery {
    events::FirstLogin event;
    std::uint64_t connection;
    std::uint64_t tag;
  };
  struct Done {
    std::uint64_t connection;  // which broker connection the delivery tag belongs to
    std::uint64_t tag;
    bool ack;  // false: dead-letter it
  };

  void consume_on(amqp::Connection& broker);
  void enqueue(Delivery delivery);  // on io
  boost::asio::awaitable<void> grant_waiting();
  boost::asio::awaitable<void> grant_batch(std::vector<Delivery> batch);
  void count(GrantOutcome outcome);
  void finish(Done done);
  std::vector<Done> take_finished();
  void wake();
  void wait_for_wakeup(std::chrono::milliseconds timeout);

  ConsumeSettings settings_;
  VoucherStore& store_;
  boost::asio::io_context& io_;
  std::shared_ptr<spdlog::logger> log_;
  struct Metrics {
    explicit Metrics(metrics::Registry& registry);
    metrics::Counter &granted, &no_voucher, &duplicate, &dead_lettered, &retried;
    metrics::Histogram& batch_size;
    metrics::Histogram& grant_duration;
  };
  Metrics metrics_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> connected_{false};
  std::atomic<int> in_flight_{0};
  std::uint64_t connection_ = 0;
  std::vector<Delivery> waiting_;  // io thread only: decoded deliveries not yet in a batch
  bool granting_ = false;          // io thread only: grant_waiting() is running
  std::mutex finished_mutex_;
  std::vector<Done> finished_;
  int wake_fd_ = -1;  // eventfd: a grant finished, or stop() was called
};

}  // namespace promotion

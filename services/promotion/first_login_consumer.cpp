#include "first_login_consumer.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <spdlog/logger.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <system_error>

#include "amqp/connection.hpp"
#include "events/topology.hpp"
#include "metrics/registry.hpp"
#include "pg/error.hpp"
#include "voucher_store.hpp"

namespace promotion {

using namespace std::chrono_literals;

namespace {

constexpr std::chrono::milliseconds first_backoff = 100ms, max_backoff = 5000ms;

const char* describe(GrantOutcome outcome) {
  switch (outcome) {
    case GrantOutcome::granted:
      return "voucher granted";
    case GrantOutcome::no_voucher:
      return "no voucher left";
    case GrantOutcome::duplicate:
      return "duplicate event ignored";
  }
  return "?";
}

metrics::Counter& deliveries(metrics::Registry& registry, const std::string& outcome) {
  return registry
      .counter_family("consumer_deliveries_total",
                      "Deliveries handled, by outcome (retried: a batch met a database failure and waits to retry)",
                      {"outcome"})
      .labels({outcome});
}

}  // namespace

FirstLoginConsumer::Metrics::Metrics(metrics::Registry& registry)
    : granted(deliveries(registry, "granted")),
      no_voucher(deliveries(registry, "no_voucher")),
      duplicate(deliveries(registry, "duplicate")),
      dead_lettered(deliveries(registry, "dead_lettered")),
      retried(deliveries(registry, "retried")),
      batch_size(registry.histogram("consumer_batch_size", "First-login events granted in one transaction",
                                    {1, 2, 4, 8, 16, 32, 64, 128, 256})),
      grant_duration(registry.histogram("consumer_grant_duration_seconds", "Time of one batch's grant transaction",
                                        metrics::latency_buckets())) {}

FirstLoginConsumer::FirstLoginConsumer(ConsumeSettings settings, VoucherStore& store, boost::asio::io_context& io,
                                       std::shared_ptr<spdlog::logger> log, metrics::Registry& registry)
    : settings_(std::move(settings)),
      store_(store),
      io_(io),
      log_(std::move(log)),
      metrics_(registry),
      wake_fd_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
  if (wake_fd_ < 0) throw std::system_error(errno, std::generic_category(), "eventfd");
  registry.gauge_callback("consumer_in_flight", "Deliveries taken and not yet acked or rejected",
                          [this] { return static_cast<double>(in_flight_.load()); });
  registry.gauge_callback("consumer_broker_connected", "1 while consuming on a live broker connection",
                          [this] { return connected_ ? 1.0 : 0.0; });
}

FirstLoginConsumer::~FirstLoginConsumer() { ::close(wake_fd_); }

void FirstLoginConsumer::stop() {
  stopping_ = true;
  wake();
}

void FirstLoginConsumer::wake() {
  const std::uint64_t one = 1;
  [[maybe_unused]] auto written = ::write(wake_fd_, &one, sizeof one);
}

void FirstLoginConsumer::wait_for_wakeup(std::chrono::milliseconds timeout) {
  pollfd fd{wake_fd_, POLLIN, 0};
  ::poll(&fd, 1, static_cast<int>(timeout.count()));
  std::uint64_t count = 0;
  [[maybe_unused]] auto drained = ::read(wake_fd_, &count, sizeof count);
}

void FirstLoginConsumer::run() {
  auto backoff = first_backoff;
  while (!stopping_) {
    try {
      amqp::Connection broker{{.uri = settings_.broker.uri, .heartbeat = settings_.broker.heartbeat}};
      const auto topology = events::declare_promotion_topology(
          broker, settings_.broker.routing_key, settings_.broker.delivery_limit, settings_.broker.quorum_group_size);
      broker.consume(topology.queue.name, static_cast<std::uint16_t>(settings_.tasks));
      ++connection_;
      connected_ = true;
      log_->info("consuming '{}' with {} task(s)", topology.queue.name, settings_.tasks);
      backoff = first_backoff;
      consume_on(broker);
    } catch (const amqp::Error& error) {
      connected_ = false;
      log_->warn("broker connection failed, reconnecting in {} ms: {}", backoff.count(), error.what());
      wait_for_wakeup(backoff);
      backoff = std::min(backoff * 2, max_backoff);
    }
  }
  connected_ = false;
  // Grants still running belong to a lost connection: the broker redelivers them; let them end.
  const auto deadline = std::chrono::steady_clock::now() + settings_.shutdown_deadline;
  while (in_flight_ > 0 && std::chrono::steady_clock::now() < deadline) wait_for_wakeup(50ms);
}

void FirstLoginConsumer::consume_on(amqp::Connection& broker) {
  std::optional<std::chrono::steady_clock::time_point> deadline;
  for (;;) {
    for (const auto& done : take_finished()) {
      if (done.connection != connection_) continue;  // that delivery went back to the queue
      if (done.ack)
        broker.ack(done.tag);
      else
        broker.reject(done.tag, false);
    }
    if (stopping_) {
      if (!deadline) deadline = std::chrono::steady_clock::now() + settings_.shutdown_deadline;
      if (in_flight_ == 0 || std::chrono::steady_clock::now() >= *deadline) return;
      wait_for_wakeup(50ms);
      continue;
    }
    auto delivery = broker.next_delivery(1000ms, wake_fd_);
    if (!delivery) {
      wait_for_wakeup(0ms);  // clears the wake-up that interrupted the wait
      continue;
    }
    auto decoded = events::decode(delivery->body);
    if (!decoded) {
      log_->error("dead-lettering message '{}': {}", delivery->message_id, decoded.error().reason);
      broker.reject(delivery->tag, false);
      metrics_.dead_lettered.inc();
      continue;
    }
    ++in_flight_;
    Delivery decoded_delivery{std::move(*decoded), connection_, delivery->tag};
    boost::asio::post(io_, [this, decoded_delivery = std::move(decoded_delivery)]() mutable {
      enqueue(std::move(decoded_delivery));
    });
  }
}

void FirstLoginConsumer::enqueue(Delivery delivery) {
  waiting_.push_back(std::move(delivery));
  if (granting_) return;
  granting_ = true;
  boost::asio::co_spawn(io_, grant_waiting(), boost::asio::detached);
}

boost::asio::awaitable<void> FirstLoginConsumer::grant_waiting() {
  while (!waiting_.empty()) {
    auto batch = std::exchange(waiting_, {});
    co_await grant_batch(std::move(batch));
  }
  granting_ = false;
}

// Never throws: every delivery of the batch ends acked, dead-lettered, or (when stopping) unacked.
boost::asio::awaitable<void> FirstLoginConsumer::grant_batch(std::vector<Delivery> batch) {
  std::vector<events::FirstLogin> batch_events;
  for (const auto& delivery : batch) batch_events.push_back(delivery.event);
  auto backoff = first_backoff;
  for (;;) {
    bool one_by_one = false;
    try {
      const auto started = std::chrono::steady_clock::now();
      const auto outcomes = co_await store_.grant(batch_events);
      const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
      metrics_.grant_duration.observe(took.count());
      metrics_.batch_size.observe(static_cast<double>(batch.size()));
      for (std::size_t i = 0; i < batch.size(); ++i) {
        log_->info("event {} of user {}: {}", batch[i].event.event_id, batch[i].event.user_id, describe(outcomes[i]));
        count(outcomes[i]);
        finish({batch[i].connection, batch[i].tag, true});
      }
      co_return;
    } catch (const pg::Error& error) {
      metrics_.retried.inc(static_cast<double>(batch.size()));
      log_->warn("{} event(s): database unavailable, retrying in {} ms: {}", batch.size(), backoff.count(),
                 error.what());
    } catch (const std::exception& error) {
      if (batch.size() == 1) {
        log_->error("event {}: dead-lettered after an unexpected failure: {}", batch[0].event.event_id, error.what());
        metrics_.dead_lettered.inc();
        finish({batch[0].connection, batch[0].tag, false});
        co_return;
      }
      log_->warn("{} events: unexpected failure, granting them one by one: {}", batch.size(), error.what());
      one_by_one = true;  // so that only the event at fault is dead-lettered
    }
    if (one_by_one) {
      for (auto& delivery : batch) {
        std::vector<Delivery> single{std::move(delivery)};
        co_await grant_batch(std::move(single));
      }
      co_return;
    }
    if (stopping_) break;  // the deliveries stay unacked: the broker hands them out again
    boost::asio::steady_timer timer{co_await boost::asio::this_coro::executor, backoff};
    co_await timer.async_wait(boost::asio::use_awaitable);
    backoff = std::min(backoff * 2, max_backoff);
  }
  in_flight_ -= static_cast<int>(batch.size());
  wake();
}

void FirstLoginConsumer::count(GrantOutcome outcome) {
  switch (outcome) {
    case GrantOutcome::granted:
      return metrics_.granted.inc();
    case GrantOutcome::no_voucher:
      return metrics_.no_voucher.inc();
    case GrantOutcome::duplicate:
      return metrics_.duplicate.inc();
  }
}

void FirstLoginConsumer::finish(Done done) {
  {
    std::lock_guard lock{finished_mutex_};
    finished_.push_back(done);
  }
  --in_flight_;
  wake();
}

std::vector<FirstLoginConsumer::Done> FirstLoginConsumer::take_finished() {
  std::lock_guard lock{finished_mutex_};
  return std::exchange(finished_, {});
}

}  // namespace promotion

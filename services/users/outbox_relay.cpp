#include "outbox_relay.hpp"

#include <spdlog/logger.h>
#include <algorithm>
#include <optional>

#include "amqp/connection.hpp"
#include "events/topology.hpp"
#include "metrics/registry.hpp"
#include "outbox_store.hpp"
#include "pg/blocking.hpp"
#include "pg/error.hpp"

namespace users {

// The relay's database and broker connections, (re)opened on demand.
class RelayConnections {
 public:
  explicit RelayConnections(const RelaySettings& settings) : settings_(settings) {}

  pg::BlockingConnection& database() {
    if (!database_) {
      database_.emplace(settings_.database_uri);
      database_->listen("outbox");
    }
    return *database_;
  }
  amqp::Connection& broker() {
    if (!broker_) {
      const auto& broker = settings_.broker;
      broker_ =
          std::make_unique<amqp::Connection>(amqp::ConnectionOptions{.uri = broker.uri, .heartbeat = broker.heartbeat});
      events::declare_promotion_topology(*broker_, broker.routing_key, broker.delivery_limit, broker.quorum_group_size);
      broker_->declare(events::revocation_stream(broker.revocation_stream, settings_.revocation_retention,
                                                 broker.quorum_group_size));
      broker_->enable_confirms();
    }
    return *broker_;
  }
  void reset_database() { database_.reset(); }
  void reset_broker() { broker_.reset(); }

 private:
  const RelaySettings& settings_;
  std::optional<pg::BlockingConnection> database_;
  std::unique_ptr<amqp::Connection> broker_;
};

OutboxRelay::OutboxRelay(RelaySettings settings, std::shared_ptr<spdlog::logger> log, metrics::Registry& metrics)
    : settings_(std::move(settings)),
      log_(std::move(log)),
      published_(metrics.counter("outbox_published_total", "Events (first logins and logouts) the broker confirmed")),
      failures_(
          metrics.counter("outbox_publish_failures_total",
                          "Events not confirmed (nacked, returned, or the broker unreachable); they stay pending")),
      pending_(metrics.gauge("outbox_pending_events", "Outbox rows not yet published")),
      oldest_age_(metrics.gauge("outbox_oldest_pending_age_seconds",
                                "Age of the oldest unpublished event (0 when none): the relay lag")),
      up_(metrics.gauge("outbox_relay_up", "1 while the relay has working database and broker connections")) {}

OutboxRelay::~OutboxRelay() { stop(); }

void OutboxRelay::start() {
  thread_ = std::thread([this] { run(); });
}

void OutboxRelay::stop() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
}

void OutboxRelay::run() {
  using namespace std::chrono;
  constexpr milliseconds min_backoff{100}, max_backoff{5000}, slice{200};
  RelayConnections connections{settings_};
  auto backoff = min_backoff;
  auto next_poll = steady_clock::now();
  auto next_forget = steady_clock::now();
  while (!stopping_) {
    try {
      // Drain everything pending, then wait for a NOTIFY, the poll deadline or a stop.
      if (steady_clock::now() >= next_poll || connections.database().wait_for_notification(slice)) {
        drain(connections);
        const auto backlog = OutboxStore{connections.database()}.backlog();
        pending_.set(static_cast<double>(backlog.pending));
        oldest_age_.set(backlog.oldest_age_seconds);
        next_poll = steady_clock::now() + settings_.poll;
      }
      if (steady_clock::now() >= next_forget) {  // once a minute, not on every wake-up
        const auto now = duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
        OutboxStore{connections.database()}.forget_expired_revocations(now, service::TokenSettings::leeway.count());
        next_forget = steady_clock::now() + minutes(1);
      }
      connections.broker().keep_alive();  // an idle relay notices a dead node too, within two heartbeats
      up_.set(1);
      backoff = min_backoff;
      continue;
    } catch (const amqp::Error& error) {
      up_.set(0);
      log_->warn("outbox relay: broker unavailable, retrying in {} ms: {}", backoff.count(), error.what());
      connections.reset_broker();
    } catch (const pg::Error& error) {
      up_.set(0);
      log_->warn("outbox relay: database unavailable, retrying in {} ms: {}", backoff.count(), error.what());
      connections.reset_database();
    }
    for (auto slept = milliseconds{0}; slept < backoff && !stopping_; slept += slice)
      std::this_thread::sleep_for(slice);
    backoff = std::min(backoff * 2, max_backoff);
    next_poll = steady_clock::now();
  }
}

// Everything pending, logouts first (a second matters for them).
void OutboxRelay::drain(RelayConnections& connections) {
  for (const auto outbox : {Outbox::revocations, Outbox::first_logins})
    while (!stopping_ && relay_once(connections, outbox) == settings_.batch) {}
}

std::size_t OutboxRelay::relay_once(RelayConnections& connections, Outbox outbox) {
  auto& database = connections.database();
  OutboxStore store{database};
  database.exec("BEGIN");
  try {
    const auto rows = store.claim(outbox, settings_.batch);
    std::vector<amqp::Message> messages;
    for (const auto& row : rows) messages.push_back(row.message);
    std::vector<std::int64_t> published;
    if (!messages.empty()) {
      const auto& routing_key =
          outbox == Outbox::first_logins ? settings_.broker.routing_key : settings_.broker.revocation_stream;
      std::vector<amqp::Confirm> outcomes;
      try {
        outcomes = connections.broker().publish(routing_key, messages);
      } catch (const amqp::Error&) {
        failures_.inc(static_cast<double>(messages.size()));
        throw;
      }
      for (std::size_t i = 0; i < outcomes.size(); ++i)
        if (outcomes[i] == amqp::Confirm::acked) published.push_back(rows[i].id);
    }
    store.mark_published(outbox, published);
    database.exec("COMMIT");
    published_.inc(static_cast<double>(published.size()));
    failures_.inc(static_cast<double>(messages.size() - published.size()));
    if (published.size() < messages.size()) {
      // Nacked (the queue has no leader now) or returned (no queue): the rows stay pending. A channel that nacks
      // may keep doing so (seen after a quorum queue's leader died), so the relay reconnects, with backoff.
      throw amqp::Error(std::to_string(messages.size() - published.size()) + " of " + std::to_string(messages.size()) +
                        " event(s) nacked or returned by the broker (first " + messages.front().message_id +
                        "); they stay pending");
    }
    up_.set(1);
    if (!messages.empty()) log_->info("outbox relay: published {} event(s)", published.size());
    return messages.size();
  } catch (...) {
    try {
      if (database.ok()) database.exec("ROLLBACK");
    } catch (const pg::Error&) {  // the original failure is the one worth reporting
    }
    throw;
  }
}

}  // namespace users

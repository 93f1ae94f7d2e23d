#include "outbox_relay.hpp"

#include <spdlog/logger.h>
#include <algorithm>
#include <optional>

#include "amqp/connection.hpp"
#include "events/first_login.hpp"
#include "events/topology.hpp"
#include "pg/blocking.hpp"
#include "pg/error.hpp"
#include "pg/sql.hpp"

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
      broker_ = std::make_unique<amqp::Connection>(amqp::ConnectionOptions{.uri = settings_.mq_uri});
      auto topology = events::promotion_topology(settings_.routing_key, settings_.delivery_limit);
      broker_->declare(topology.dead_letter_queue);
      broker_->declare(topology.queue);
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

OutboxRelay::OutboxRelay(RelaySettings settings, std::shared_ptr<spdlog::logger> log)
    : settings_(std::move(settings)), log_(std::move(log)) {}

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
  while (!stopping_) {
    try {
      // Drain everything pending, then wait for a NOTIFY, the poll deadline or a stop.
      if (steady_clock::now() >= next_poll || connections.database().wait_for_notification(slice)) {
        while (!stopping_ && relay_once(connections) == settings_.batch) {}
        next_poll = steady_clock::now() + settings_.poll;
      }
      backoff = min_backoff;
      continue;
    } catch (const amqp::Error& error) {
      log_->warn("outbox relay: broker unavailable, retrying in {} ms: {}", backoff.count(), error.what());
      connections.reset_broker();
    } catch (const pg::Error& error) {
      log_->warn("outbox relay: database unavailable, retrying in {} ms: {}", backoff.count(), error.what());
      connections.reset_database();
    }
    for (auto slept = milliseconds{0}; slept < backoff && !stopping_; slept += slice)
      std::this_thread::sleep_for(slice);
    backoff = std::min(backoff * 2, max_backoff);
    next_poll = steady_clock::now();
  }
}

std::size_t OutboxRelay::relay_once(RelayConnections& connections) {
  auto& database = connections.database();
  database.exec("BEGIN");
  try {
    auto rows = database.exec("SELECT id, event_id, user_id, user_identifier, " + pg::rfc3339_utc("occurred_at") +
                                  " FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED",
                              {std::to_string(settings_.batch)});
    std::vector<amqp::Message> messages;
    for (int i = 0; i < rows.rows(); ++i) {
      events::FirstLogin event{.event_id = std::string(rows.get(i, 1)),
                               .user_id = std::string(rows.get(i, 2)),
                               .user_identifier = std::string(rows.get(i, 3)),
                               .occurred_at = std::string(rows.get(i, 4))};
      messages.push_back(
          {.body = events::encode(event), .message_id = event.event_id, .type = std::string(events::first_login_type)});
    }
    std::string published = "{";
    if (!messages.empty()) {
      auto outcomes = connections.broker().publish(settings_.routing_key, messages);
      for (std::size_t i = 0; i < outcomes.size(); ++i) {
        if (outcomes[i] == amqp::Confirm::acked)
          published += (published.size() > 1 ? "," : "") + std::string(rows.get(static_cast<int>(i), 0));
        else
          log_->error("outbox relay: event {} was {} by the broker; it stays pending", messages[i].message_id,
                      outcomes[i] == amqp::Confirm::returned ? "returned" : "nacked");
      }
    }
    database.exec("UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])", {published + "}"});
    database.exec("COMMIT");
    if (!messages.empty()) log_->info("outbox relay: published {} event(s)", messages.size());
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

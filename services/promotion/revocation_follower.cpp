#include "revocation_follower.hpp"

#include <spdlog/logger.h>

#include <algorithm>
#include <random>

#include "amqp/connection.hpp"
#include "auth/revocation_list.hpp"
#include "events/tokens_revoked.hpp"
#include "events/topology.hpp"
#include "metrics/registry.hpp"
#include "service/settings.hpp"

namespace promotion {
namespace {

using namespace std::chrono;

// The type of the message a follower publishes to find out when it has read everything before it.
constexpr std::string_view marker_type = "promotion.follower_marker";

std::int64_t unix_now() { return duration_cast<seconds>(system_clock::now().time_since_epoch()).count(); }

std::string random_marker() {
  std::random_device random;
  return "marker-" + std::to_string(random()) + "-" + std::to_string(random());
}

metrics::Family<metrics::Counter>& messages(metrics::Registry& metrics) {
  return metrics.counter_family("revocation_messages_total", "Messages read from the revocations stream, by outcome",
                                {"outcome"});
}

}  // namespace

RevocationFollower::RevocationFollower(FollowerSettings settings, auth::RevocationList& list,
                                       std::shared_ptr<spdlog::logger> log, metrics::Registry& metrics)
    : settings_(std::move(settings)),
      list_(list),
      log_(std::move(log)),
      applied_(messages(metrics).labels({"applied"})),
      malformed_(messages(metrics).labels({"malformed"})),
      up_(metrics.gauge("revocation_follower_up", "1 while the revocations stream is being followed")) {
  metrics.gauge_callback("revocations_active", "Revoked tokens and user-wide cuts held until their tokens expire",
                         [&list] { return static_cast<double>(list.size()); });
}

RevocationFollower::~RevocationFollower() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
}

void RevocationFollower::start() {
  thread_ = std::thread([this] { run(); });
}

void RevocationFollower::run() {
  constexpr milliseconds min_backoff{100}, max_backoff{5000}, slice{100};
  auto backoff = min_backoff;
  while (!stopping_) {
    try {
      follow();
      return;
    } catch (const amqp::Error& error) {
      up_.set(0);
      log_->warn("revocations: broker unavailable, retrying in {} ms: {}", backoff.count(), error.what());
    }
    for (auto slept = milliseconds{0}; slept < backoff && !stopping_; slept += slice)
      std::this_thread::sleep_for(slice);
    backoff = std::min(backoff * 2, max_backoff);
  }
}

void RevocationFollower::follow() {
  const auto& stream = settings_.broker.revocation_stream;
  amqp::Connection broker{{.uri = settings_.broker.uri, .heartbeat = settings_.broker.heartbeat}};
  broker.declare(events::revocation_stream(stream, settings_.retention, settings_.broker.quorum_group_size));
  // The marker goes in before consuming starts, so reading it back means everything older was read.
  const auto marker = random_marker();
  broker.enable_confirms();
  const amqp::Message message{.body = "{}", .message_id = marker, .type = std::string(marker_type)};
  if (broker.publish(stream, std::span(&message, 1)).at(0) != amqp::Confirm::acked)
    throw amqp::Error("the marker was not confirmed");
  const auto from = unix_now() - settings_.retention.count();
  broker.consume(stream, 1000, {{"x-stream-offset", amqp::Timestamp{from}}});
  up_.set(1);
  auto next_sweep = steady_clock::now();
  while (!stopping_) {
    if (auto delivery = broker.next_delivery(milliseconds(200))) {
      apply(*delivery, marker);
      broker.ack(delivery->tag);
    }
    if (steady_clock::now() >= next_sweep) {
      list_.forget_expired(unix_now() - service::TokenSettings::leeway.count());
      next_sweep = steady_clock::now() + seconds(10);
    }
  }
}

void RevocationFollower::apply(const amqp::Delivery& delivery, const std::string& marker) {
  if (delivery.type == marker_type) {
    if (delivery.message_id == marker && !caught_up_.exchange(true))
      log_->info("revocations: caught up with {} ({} held)", settings_.broker.revocation_stream, list_.size());
    return;  // other replicas' markers
  }
  auto event = events::decode_tokens_revoked(delivery.body);
  if (!event) {
    malformed_.inc();
    log_->error("revocations: skipping malformed message {}: {}", delivery.message_id, event.error().reason);
    return;
  }
  if (event->jti) {
    list_.revoke_token(*event->jti, event->expires);
  } else {
    list_.revoke_user(event->user_id, event->issued_until, event->expires);
  }
  applied_.inc();
}

}  // namespace promotion

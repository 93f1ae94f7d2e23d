#include "jwks_refresher.hpp"

#include <spdlog/logger.h>

#include <algorithm>
#include <charconv>

#include "auth/key_ring.hpp"
#include "auth/key_set.hpp"
#include "http/fetch.hpp"
#include "metrics/registry.hpp"

namespace promotion {
namespace {

using namespace std::chrono;

// max-age of a Cache-Control value, clamped to [30 s, 1 day]; 5 minutes when absent.
seconds max_age(std::string_view cache_control) {
  constexpr std::string_view directive = "max-age=";
  const auto at = cache_control.find(directive);
  long value = 300;
  if (at != std::string_view::npos) {
    const auto* begin = cache_control.data() + at + directive.size();
    std::from_chars(begin, cache_control.data() + cache_control.size(), value);
  }
  return seconds(std::clamp(value, 30L, 86400L));
}

metrics::Family<metrics::Counter>& fetches(metrics::Registry& metrics) {
  return metrics.counter_family("jwks_fetches_total", "Fetches of JWKS_URI, by outcome", {"outcome"});
}

}  // namespace

JwksRefresher::JwksRefresher(JwksSettings settings, std::shared_ptr<auth::KeyRing> ring,
                             std::shared_ptr<spdlog::logger> log, metrics::Registry& metrics)
    : settings_(std::move(settings)),
      ring_(std::move(ring)),
      log_(std::move(log)),
      fetched_(fetches(metrics).labels({"ok"})),
      failed_(fetches(metrics).labels({"failed"})) {
  metrics.gauge_callback("jwks_keys", "Keys in the verification key set",
                         [ring = ring_] { return static_cast<double>(ring->current()->keys.keys().size()); });
  ring_->on_unknown_kid([this] { request_refresh(); });
}

JwksRefresher::~JwksRefresher() {
  {
    std::lock_guard lock{mutex_};
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void JwksRefresher::start() {
  thread_ = std::thread([this] { run(); });
}

void JwksRefresher::request_refresh() {
  {
    std::lock_guard lock{mutex_};
    unknown_kid_ = true;
  }
  wake_.notify_one();
}

void JwksRefresher::run() {
  auto backoff = seconds(1);
  auto next = refresh(backoff);
  auto next_unknown_kid_fetch = steady_clock::now();
  std::unique_lock lock{mutex_};
  while (!stopping_) {
    const auto now = steady_clock::now();
    const bool kid_due = unknown_kid_ && now >= next_unknown_kid_fetch;
    if (now >= next || kid_due) {
      if (kid_due) next_unknown_kid_fetch = now + settings_.unknown_kid_interval;
      unknown_kid_ = false;  // whatever the reason, this fetch answers the kids seen so far
      lock.unlock();
      next = refresh(backoff);
      lock.lock();
      continue;
    }
    wake_.wait_until(lock, unknown_kid_ ? std::min(next, next_unknown_kid_fetch) : next);
  }
}

steady_clock::time_point JwksRefresher::refresh(seconds& backoff) {
  try {
    const auto answer = http::fetch(settings_.uri, settings_.timeout);
    if (answer.status != 200) throw http::FetchError("answered " + std::to_string(answer.status));
    auto keys = auth::KeySet::from_jwks(answer.body);
    const auto count = keys.keys().size();
    if (ring_->replace(std::move(keys))) log_->info("jwks: {} verification key(s) from {}", count, settings_.uri);
    fetched_.inc();
    has_keys_ = true;
    backoff = seconds(1);
    return steady_clock::now() + max_age(answer.cache_control);
  } catch (const std::exception& error) {  // FetchError, auth::KeyError: the last good set stays
    failed_.inc();
    log_->warn("jwks: fetching {} failed, keeping the last good key set, retrying in {} s: {}", settings_.uri,
               backoff.count(), error.what());
    const auto retry = steady_clock::now() + backoff;
    backoff = std::min(backoff * 2, seconds(30));
    return retry;
  }
}

}  // namespace promotion

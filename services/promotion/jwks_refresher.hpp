#pragma once
#include <spdlog/fwd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace auth {
class KeyRing;
}
namespace metrics {
class Counter;
class Registry;
}  // namespace metrics

namespace promotion {

struct JwksSettings {
  std::string uri;
  std::chrono::seconds unknown_kid_interval{30};  // at most one fetch per interval for unknown kids
  std::chrono::milliseconds timeout{5000};
};

// Keeps a key ring filled from the users service's JWKS on its own thread (docs/security.md, "Keys"): at start,
// when the document's max-age runs out, and when a token names a kid the ring lacks, at most once per
// `unknown_kid_interval` (a flood of forged kids is one fetch). A failed fetch keeps the last good set and is
// retried with capped backoff. Requests never wait for it. Metrics: jwks_fetches_total{outcome}, jwks_keys.
class JwksRefresher {
 public:
  JwksRefresher(JwksSettings settings, std::shared_ptr<auth::KeyRing> ring, std::shared_ptr<spdlog::logger> log,
                metrics::Registry& metrics);
  ~JwksRefresher();  // stops and joins
  JwksRefresher(const JwksRefresher&) = delete;
  JwksRefresher& operator=(const JwksRefresher&) = delete;

  void start();
  // True once a fetch succeeded (readiness: without keys every token is refused).
  bool has_keys() const { return has_keys_.load(std::memory_order_relaxed); }

 private:
  void run();
  // One fetch; the time of the next scheduled one.
  std::chrono::steady_clock::time_point refresh(std::chrono::seconds& backoff);
  void request_refresh();

  JwksSettings settings_;
  std::shared_ptr<auth::KeyRing> ring_;
  std::shared_ptr<spdlog::logger> log_;
  metrics::Counter& fetched_;
  metrics::Counter& failed_;
  std::atomic<bool> has_keys_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool unknown_kid_ = false;
  std::thread thread_;
};

}  // namespace promotion

#pragma once
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <string>

namespace pg {
class Pool;
}

namespace users {

// A token bucket: at most `capacity` attempts at once, refilled at `per_second`.
struct BucketRule {
  double capacity = 1;
  double per_second = 1;
};

// The per-source token buckets of login and registration (table source_buckets), shared by every replica:
// one statement takes a token, so racing requests cannot both take the last one.
class ThrottleStore {
 public:
  explicit ThrottleStore(pg::Pool& pool) : pool_(pool) {}

  struct Decision {
    bool allowed = true;
    double retry_after_seconds = 0;  // when refused: until the bucket holds a token again
  };
  boost::asio::awaitable<Decision> take(std::string action, std::string source, BucketRule rule,
                                        std::chrono::system_clock::time_point now);
  // Forgets the buckets of `action` that have been full for a while (untouched for a whole refill).
  boost::asio::awaitable<void> prune(std::string action, BucketRule rule, std::chrono::system_clock::time_point now);

 private:
  pg::Pool& pool_;
};

}  // namespace users

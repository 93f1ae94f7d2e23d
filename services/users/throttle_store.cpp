#include "throttle_store.hpp"

#include <cmath>

#include "pg/pool.hpp"
#include "pg/timestamp.hpp"

// g++ 12 frees braced temporaries inside a co_await expression twice: parameters are named locals.
namespace users {

boost::asio::awaitable<ThrottleStore::Decision> ThrottleStore::take(std::string action, std::string source,
                                                                    BucketRule rule,
                                                                    std::chrono::system_clock::time_point now) {
  pg::Params params{std::move(action), std::move(source), pg::timestamp(now), std::to_string(rule.capacity),
                    std::to_string(rule.per_second)};
  const auto r = co_await pool_.query(
      "SELECT allowed, retry_after FROM take_source_token($1, $2, $3::timestamptz, $4::float8, $5::float8)",
      std::move(params));
  co_return Decision{.allowed = r.boolean(0, 0), .retry_after_seconds = std::stod(r.text(0, 1))};
}

boost::asio::awaitable<void> ThrottleStore::prune(std::string action, BucketRule rule,
                                                  std::chrono::system_clock::time_point now) {
  const auto refill_seconds = static_cast<long long>(std::ceil(rule.capacity / rule.per_second));
  pg::Params params{std::move(action), pg::timestamp(now), std::to_string(refill_seconds)};
  co_await pool_.query(
      "DELETE FROM source_buckets WHERE action = $1 AND updated_at < $2::timestamptz - make_interval(secs => $3::int)",
      std::move(params));
}

}  // namespace users

#include "lockout_store.hpp"

#include "pg/pool.hpp"
#include "pg/timestamp.hpp"
#include "validation.hpp"

// g++ 12 frees braced temporaries inside a co_await expression twice: parameters are named locals.
namespace users {

boost::asio::awaitable<LockoutStore::Attempt> LockoutStore::attempt(std::string user_id,
                                                                    std::chrono::system_clock::time_point now) {
  pg::Params params{std::move(user_id),
                    pg::timestamp(now),
                    std::to_string(rules_.max_failures),
                    std::to_string(rules_.lock.count()),
                    std::to_string(rules_.max_lock.count()),
                    std::to_string(rules_.reset.count())};
  const auto r = co_await pool_.query(
      "SELECT refused, failures FROM login_attempt($1::uuid, $2::timestamptz, $3::int, $4::int, $5::int, $6::int)",
      std::move(params));
  co_return Attempt{.refused = r.boolean(0, 0), .failures = static_cast<int>(r.integer(0, 1))};
}

boost::asio::awaitable<void> LockoutStore::forgive(std::string user_id) {
  pg::Params params{std::move(user_id)};
  co_await pool_.query("UPDATE login_failures SET failures = greatest(failures - 1, 0) WHERE user_id = $1::uuid",
                       std::move(params));
}

boost::asio::awaitable<void> LockoutStore::succeeded(std::string user_id) {
  pg::Params params{std::move(user_id)};
  co_await pool_.query("SELECT login_succeeded($1::uuid)", std::move(params));
}

boost::asio::awaitable<bool> LockoutStore::unlock(std::string identifier) {
  pg::Params params{normalize_identifier(identifier)};
  const auto r = co_await pool_.query(
      "WITH account AS (SELECT user_id FROM user_identifiers WHERE identifier = $1),"
      " cleared AS (DELETE FROM login_failures f USING account a WHERE f.user_id = a.user_id)"
      " SELECT count(*) FROM account",
      std::move(params));
  co_return r.integer(0, 0) == 1;
}

boost::asio::awaitable<void> LockoutStore::prune(std::chrono::system_clock::time_point now) {
  pg::Params params{pg::timestamp(now), std::to_string(rules_.reset.count())};
  co_await pool_.query(
      "DELETE FROM login_failures WHERE last_failure_at < $1::timestamptz - make_interval(secs => $2::int)"
      " AND (locked_until IS NULL OR locked_until <= $1::timestamptz)",
      std::move(params));
}

}  // namespace users

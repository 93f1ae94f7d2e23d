// The lockout and the per-source buckets against a real PostgreSQL with time moved by the test: each
// statement takes `now` from its caller (the service passes the system clock).
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <chrono>

#include "lockout_store.hpp"
#include "pg/blocking.hpp"
#include "pg/pool.hpp"
#include "testing/process.hpp"
#include "testing/stack.hpp"
#include "testing/temp_database.hpp"
#include "throttle_store.hpp"

using namespace testing_support;
using namespace std::chrono_literals;

namespace {

class Clocked : public ::testing::Test {
 protected:
  void SetUp() override {
    if (pg_uri().empty()) GTEST_SKIP() << "TEST_PG_URI not set: run `make test`";
    database_ = std::make_unique<TempDatabase>("defences_test");
    Process migrate{binary("services/users/users-service"),
                    {"migrate"},
                    {{"DB_URI", database_->uri()}, {"LOG_DIR", "/tmp/defences_test_logs"}}};
    ASSERT_EQ(migrate.wait(), 0) << migrate.output();
    sql_.emplace(database_->uri());
    account_ = std::string(sql_->exec("INSERT INTO users (username, password_hash, full_name) VALUES ('a', 'x', 'A')"
                                      " RETURNING id")
                               .get(0, 0));
    pg::PoolOptions options;
    options.uri = database_->uri();
    options.size = 2;
    pool_.emplace(io_.get_executor(), options);
  }

  template <class T>
  T run(boost::asio::awaitable<T> task) {
    auto future = boost::asio::co_spawn(io_, std::move(task), boost::asio::use_future);
    io_.restart();
    io_.run();
    return future.get();
  }

  users::LockoutStore::Attempt fail_at(std::chrono::system_clock::time_point at) {
    return run(lockout().attempt(account_, at));
  }
  users::LockoutStore lockout() { return users::LockoutStore{*pool_, users::LockoutRules{}}; }
  // Seconds from `t0_` to the account's locked_until.
  double locked_for() {
    return std::stod(
        std::string(sql_->exec("SELECT extract(epoch FROM locked_until - $1::timestamptz) FROM login_failures",
                               {"2026-12-04T12:00:00Z"})
                        .get(0, 0)));
  }

  const std::chrono::system_clock::time_point t0_ = std::chrono::sys_days{std::chrono::year{2026} / 12 / 4} + 12h;
  boost::asio::io_context io_;
  std::unique_ptr<TempDatabase> database_;
  std::optional<pg::BlockingConnection> sql_;
  std::optional<pg::Pool> pool_;
  std::string account_;
};

TEST_F(Clocked, TheLockExpiresAfterItsWait) {
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(fail_at(t0_).refused);
  EXPECT_DOUBLE_EQ(locked_for(), 60);
  EXPECT_TRUE(fail_at(t0_ + 59s).refused);
  run(lockout().succeeded(account_));  // as after a success: start over
  for (int i = 0; i < 5; ++i) fail_at(t0_);
  EXPECT_FALSE(fail_at(t0_ + 61s).refused) << "the lock is over; this failure locks again, for longer";
  EXPECT_TRUE(fail_at(t0_ + 62s).refused);
}

TEST_F(Clocked, TheWaitDoublesWithEachFurtherFailureUpToTheMaximum) {
  std::vector<double> waits;
  for (int failures = 1; failures <= 11; ++failures) {
    fail_at(t0_);
    if (failures >= 5) waits.push_back(locked_for());
  }
  EXPECT_EQ(waits, (std::vector<double>{60, 120, 240, 480, 900, 900, 900}));
}

TEST_F(Clocked, FailuresOlderThanTheResetTimeAreForgotten) {
  for (int i = 0; i < 4; ++i) fail_at(t0_);
  EXPECT_EQ(fail_at(t0_ + 43201s).failures, 1);
  for (int i = 0; i < 3; ++i) fail_at(t0_ + 43201s);
  EXPECT_EQ(fail_at(t0_ + 43202s).failures, 5) << "within the reset time they add up";
  run(lockout().prune(t0_ + 43202s + 43201s));
  EXPECT_EQ(sql_->exec("SELECT count(*) FROM login_failures").get(0, 0), "0") << "old rows are pruned";
}

TEST_F(Clocked, ABucketRefillsWithTimeAndEachSourceHasItsOwn) {
  users::ThrottleStore buckets{*pool_};
  const users::BucketRule three_a_minute{.capacity = 3, .per_second = 3.0 / 60};
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(run(buckets.take("login", "198.51.100.1", three_a_minute, t0_)).allowed);
  const auto refused = run(buckets.take("login", "198.51.100.1", three_a_minute, t0_));
  EXPECT_FALSE(refused.allowed);
  EXPECT_DOUBLE_EQ(refused.retry_after_seconds, 20);
  EXPECT_TRUE(run(buckets.take("login", "198.51.100.2", three_a_minute, t0_)).allowed);
  EXPECT_TRUE(run(buckets.take("register", "198.51.100.1", three_a_minute, t0_)).allowed);
  EXPECT_FALSE(run(buckets.take("login", "198.51.100.1", three_a_minute, t0_ + 19s)).allowed);
  EXPECT_TRUE(run(buckets.take("login", "198.51.100.1", three_a_minute, t0_ + 21s)).allowed);
  run(buckets.prune("login", three_a_minute, t0_ + 21s + 61s));
  EXPECT_EQ(sql_->exec("SELECT count(*) FROM source_buckets WHERE action = 'login'").get(0, 0), "0");
}

}  // namespace

// Integration tests of the asynchronous pool: borrowing, bounds, deadlines, reconnects. They need
// TEST_PG_URI and skip without it.
#include <atomic>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <future>
#include <set>

#include "pool_test_fixture.hpp"

namespace {

TEST_F(PoolTest, NeverOpensMoreThanSizeConnections) {
  auto opts = options(2, "pg_bounded");
  pg::Pool pool(io_.get_executor(), opts);
  std::atomic<int> borrowed{0};
  std::atomic<int> most{0};
  std::atomic<int> finished{0};
  const auto worker = [&]() -> asio::awaitable<void> {
    auto session = co_await pool.acquire();
    const int now = ++borrowed;
    int seen = most.load();
    while (now > seen && !most.compare_exchange_weak(seen, now)) {}
    co_await session.query("SELECT pg_sleep(0.05)");
    --borrowed;
    ++finished;
  };
  run(
      [&]() -> asio::awaitable<void> {
        auto executor = co_await asio::this_coro::executor;
        std::vector<std::future<void>> done;
        for (int i = 0; i < 10; ++i) done.push_back(asio::co_spawn(executor, worker(), asio::use_future));
        asio::steady_timer timer(executor);
        while (finished.load() < 10) {
          timer.expires_after(std::chrono::milliseconds(10));
          co_await timer.async_wait(asio::use_awaitable);
        }
        for (auto& d : done) d.get();
      }(),
      3);
  EXPECT_EQ(finished.load(), 10);
  EXPECT_LE(most.load(), 2);
  pg::BlockingConnection observer(uri_);
  const auto backends =
      observer.exec("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", {opts.application_name});
  EXPECT_EQ(backends.get(0, 0), "2");
}

TEST_F(PoolTest, OneBorrowerAtATimeKeepsReusingOneWarmConnection) {
  pg::Pool pool(io_.get_executor(), options(4));
  const auto backends = run([&]() -> asio::awaitable<std::set<std::string>> {
    std::set<std::string> pids;
    for (int i = 0; i < 6; ++i) {
      auto result = co_await pool.query("SELECT pg_backend_pid()");
      pids.insert(std::string(result.get(0, 0)));
    }
    co_return pids;
  }());
  EXPECT_EQ(backends.size(), 1U) << "no connection is opened while an open one is idle";
}

TEST_F(PoolTest, ReconnectsAfterTheBackendIsTerminated) {
  pg::Pool pool(io_.get_executor(), options(1));
  const std::string before(run(pool.query("SELECT pg_backend_pid()")).get(0, 0));
  terminate_backend(before);
  try {
    run(pool.query("SELECT 1"));
  } catch (const pg::ConnectionLost&) {  // acceptable: the caller decides whether to retry
  }
  const std::string after(run(pool.query("SELECT pg_backend_pid()")).get(0, 0));
  EXPECT_NE(before, after);
}

TEST_F(PoolTest, ASessionLeftInsideATransactionIsNotReused) {
  pg::Pool pool(io_.get_executor(), options(1));
  const auto [first, second] = run([&]() -> asio::awaitable<std::pair<std::string, std::string>> {
    std::string pid;
    {
      auto session = co_await pool.acquire();
      co_await session.query("BEGIN");
      pid = (co_await session.query("SELECT pg_backend_pid()")).get(0, 0);
    }
    auto r = co_await pool.query("SELECT pg_backend_pid()");
    co_return std::pair{pid, std::string(r.get(0, 0))};
  }());
  EXPECT_NE(first, second);
}

TEST_F(PoolTest, ConnectFailureIsConnectionLostWithoutThePassword) {
  pg::PoolOptions opts;
  opts.uri = "postgresql://app:supersecret@127.0.0.1:1/postgres";
  opts.size = 1;
  pg::Pool pool(io_.get_executor(), opts);
  for (int attempt = 0; attempt < 2; ++attempt) {  // the slot comes back after a failed connect
    try {
      run(pool.query("SELECT 1"));
      ADD_FAILURE() << "connected to port 1";
    } catch (const pg::ConnectionLost& e) {
      EXPECT_EQ(std::string(e.what()).find("supersecret"), std::string::npos) << e.what();
      EXPECT_TRUE(pg::is_unavailable(e));
    }
  }
  EXPECT_EQ(pool.stats().connect_failures.load(), 2U);
  EXPECT_EQ(pool.stats().open.load(), 0);
  EXPECT_FALSE(run(pool.ping()));
}

TEST_F(PoolTest, ABorrowerGivesUpAfterTheWaitDeadlineAndNoPermitIsLost) {
  auto opts = options(1);
  opts.acquire_timeout = std::chrono::milliseconds(100);
  pg::Pool pool(io_.get_executor(), opts);
  const auto outcome = run([&]() -> asio::awaitable<std::string> {
    std::string first_wait;
    {
      auto held = co_await pool.acquire();
      try {
        co_await pool.acquire();
        first_wait = "acquired a second connection from a pool of one";
      } catch (const pg::PoolTimeout& e) {
        first_wait = pg::is_unavailable(e) ? "timed out" : "a timeout that is not 'unavailable'";
      }
    }
    auto again = co_await pool.query("SELECT 'free again'");
    co_return first_wait + ", " + std::string(again.get(0, 0));
  }());
  EXPECT_EQ(outcome, "timed out, free again");
  EXPECT_EQ(pool.stats().wait_timeouts.load(), 1U);
  EXPECT_EQ(pool.stats().in_use.load(), 0);
  EXPECT_EQ(pool.stats().waiting.load(), 0);
  EXPECT_EQ(pool.stats().open.load(), 1);
  EXPECT_EQ(pool.stats().connects.load(), 1U);
}

TEST_F(PoolTest, PingIsTrueWhenTheServerAnswers) {
  pg::Pool pool(io_.get_executor(), options(1));
  EXPECT_TRUE(run(pool.ping()));
}

}  // namespace

TEST_F(PoolTest, AConnectionThatReachedAStandbyIsUnavailableAndNotPooledAgain) {
  // A server in read-only mode answers writes as a standby does after a failover (SQLSTATE 25006).
  pg::Pool pool(io_.get_executor(), options(1));
  const auto first = run([&]() -> asio::awaitable<std::string> {
    auto session = co_await pool.acquire();
    co_await session.query("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
    co_return std::string((co_await session.query("SELECT pg_backend_pid()::text")).get(0, 0));
  }());
  try {
    run(pool.query("CREATE TEMP SEQUENCE standby_probe"));
    ADD_FAILURE() << "a write succeeded in a read-only session";
  } catch (const pg::Error& e) {
    EXPECT_EQ(e.sqlstate, "25006");
    EXPECT_TRUE(pg::is_unavailable(e));
  }
  const auto second = run([&]() -> asio::awaitable<std::string> {
    auto r = co_await pool.query("SELECT pg_backend_pid()::text");
    co_return std::string(r.get(0, 0));
  }());
  EXPECT_NE(first, second) << "the connection that met a standby was pooled again";
}

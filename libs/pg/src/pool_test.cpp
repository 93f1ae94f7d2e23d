// Integration tests of the asynchronous pool; they need TEST_PG_URI and skip without it.
#include "pg/pool.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>
#include <cstdlib>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "pg/blocking.hpp"
#include "pg/uri.hpp"

namespace {

namespace asio = boost::asio;

class PoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* uri = std::getenv("TEST_PG_URI");
    if (uri == nullptr) GTEST_SKIP() << "TEST_PG_URI is not set";
    uri_ = uri;
  }

  pg::PoolOptions options(std::size_t size, std::string application_name = "pg_pool_test") const {
    pg::PoolOptions result;
    result.uri = uri_;
    result.size = size;
    result.application_name = std::move(application_name) + "_" + std::to_string(::getpid());
    return result;
  }

  // Runs `task` to completion on io_ with `threads` threads.
  template <class T>
  T run(asio::awaitable<T> task, int threads = 1) {
    auto future = asio::co_spawn(io_, std::move(task), asio::use_future);
    io_.restart();
    std::vector<std::thread> extra;
    for (int i = 1; i < threads; ++i) extra.emplace_back([this] { io_.run(); });
    io_.run();
    for (auto& thread : extra) thread.join();
    return future.get();
  }

  std::string uri_;
  asio::io_context io_;
};

TEST_F(PoolTest, ParametersAreBoundAsData) {
  pg::Pool pool(io_.get_executor(), options(2));
  const std::string injection = "'); DROP TABLE pg_class; --";
  const std::string unicode = "Grüße, 世界 🙂";
  const auto result =
      run(pool.query("SELECT $1::text, $2::text, $3::text, length($3::text)", {injection, std::nullopt, unicode}));
  ASSERT_EQ(result.rows(), 1);
  EXPECT_EQ(result.get(0, 0), injection);
  EXPECT_TRUE(result.is_null(0, 1));
  EXPECT_EQ(result.get_optional(0, 1), std::nullopt);
  EXPECT_EQ(result.get(0, 2), unicode);
  EXPECT_EQ(result.get(0, 3), "11");  // characters, not bytes
}

TEST_F(PoolTest, UniqueViolationCarriesSqlstateAndConstraint) {
  pg::Pool pool(io_.get_executor(), options(1));
  try {
    run([&]() -> asio::awaitable<void> {
      auto session = co_await pool.acquire();
      co_await session.query("CREATE TEMP TABLE things (id int CONSTRAINT things_pkey PRIMARY KEY)");
      const auto inserted = co_await session.query("INSERT INTO things VALUES ($1)", {"1"});
      EXPECT_EQ(inserted.affected(), 1);
      co_await session.query("INSERT INTO things VALUES ($1)", {"1"});
    }());
    FAIL() << "the duplicate was accepted";
  } catch (const pg::ConnectionLost& e) {
    FAIL() << "connection lost: " << e.what();
  } catch (const pg::Error& e) {
    EXPECT_TRUE(pg::is_unique_violation(e)) << e.sqlstate;
    EXPECT_EQ(e.constraint, "things_pkey");
  }
}

TEST_F(PoolTest, TransactionCommitsAndRollsBackOnException) {
  pg::Pool pool(io_.get_executor(), options(1));  // one connection, so its temporary table stays visible
  const std::string table = "pg_tx_test";
  run(pool.query("CREATE TEMP TABLE " + table + " (id serial PRIMARY KEY, name text NOT NULL)"));
  const auto count = [&] { return std::string(run(pool.query("SELECT count(*) FROM " + table)).get(0, 0)); };

  const auto id = run(pool.transaction([&](pg::Session& s) -> asio::awaitable<std::string> {
    auto r = co_await s.query("INSERT INTO " + table + " (name) VALUES ($1) RETURNING id", {"kept"});
    co_return std::string(r.get(0, 0));
  }));
  EXPECT_FALSE(id.empty());
  EXPECT_EQ(count(), "1");

  EXPECT_THROW(run(pool.transaction([&](pg::Session& s) -> asio::awaitable<void> {
                 co_await s.query("INSERT INTO " + table + " (name) VALUES ($1)", {"dropped"});
                 throw std::runtime_error("changed my mind");
               })),
               std::runtime_error);
  EXPECT_EQ(count(), "1");

  // A failed statement whose error f swallowed still cannot commit.
  EXPECT_THROW(run(pool.transaction([&](pg::Session& s) -> asio::awaitable<void> {
                 co_await s.query("INSERT INTO " + table + " (name) VALUES ($1)", {"dropped"});
                 try {
                   co_await s.query("INSERT INTO " + table + " (name) VALUES ($1)", {std::nullopt});
                 } catch (const pg::Error&) {}
               })),
               pg::Error);
  EXPECT_EQ(count(), "1");
}

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

TEST_F(PoolTest, StatementTimeoutRaises57014AndThePoolRecovers) {
  auto opts = options(1);
  opts.statement_timeout = std::chrono::milliseconds(100);
  pg::Pool pool(io_.get_executor(), opts);
  try {
    run(pool.query("SELECT pg_sleep(5)"));
    ADD_FAILURE() << "the statement was not cancelled";
  } catch (const pg::Error& e) {
    EXPECT_TRUE(pg::is_query_canceled(e)) << e.sqlstate;
  }
  EXPECT_EQ(run(pool.query("SELECT 7")).get(0, 0), "7");
}

TEST_F(PoolTest, ReconnectsAfterTheBackendIsTerminated) {
  pg::Pool pool(io_.get_executor(), options(1));
  const std::string before(run(pool.query("SELECT pg_backend_pid()")).get(0, 0));
  pg::BlockingConnection admin(uri_);
  admin.exec("SELECT pg_terminate_backend($1::int)", {before});
  admin.exec("SELECT 1 FROM pg_stat_activity WHERE pid = $1::int", {before});
  for (int i = 0; i < 100 && admin.exec("SELECT 1 FROM pg_stat_activity WHERE pid = $1::int", {before}).rows() > 0;
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
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

TEST_F(PoolTest, TypedColumnReads) {
  pg::Pool pool(io_.get_executor(), options(1));
  const auto r = run(pool.query("SELECT 42::int, true, NULL::text, 'x'::text, 'abc'::text"));
  EXPECT_EQ(r.integer(0, 0), 42);
  EXPECT_TRUE(r.boolean(0, 1));
  EXPECT_EQ(r.optional_text(0, 2), std::nullopt);
  EXPECT_EQ(r.optional_text(0, 3), "x");
  EXPECT_THROW((void)r.integer(0, 4), std::invalid_argument);
  EXPECT_THROW((void)r.boolean(0, 0), std::invalid_argument);
}

TEST_F(PoolTest, APreparedStatementSurvivesASchemaChangeAndAReconnect) {
  const std::string database = "pool_prepared_" + std::to_string(::getpid());
  {
    pg::BlockingConnection server(uri_);
    server.exec("DROP DATABASE IF EXISTS " + database);
    server.exec("CREATE DATABASE " + database);
  }
  uri_ = pg::with_database(uri_, database);
  const std::string table = "prepared";
  pg::BlockingConnection admin(uri_);
  admin.exec("CREATE TABLE " + table + " (a int)");
  admin.exec("INSERT INTO " + table + " VALUES (1)");
  pg::Pool pool(io_.get_executor(), options(1));
  const std::string select = "SELECT * FROM " + table + " WHERE a = $1";
  const auto columns = [&] { return run(pool.query(select, {"1"})).columns(); };
  EXPECT_EQ(columns(), 1);
  admin.exec("ALTER TABLE " + table + " ADD COLUMN b int");
  EXPECT_EQ(columns(), 2) << "prepared again after 'cached plan must not change result type', retried once";
  const std::string pid(run(pool.query("SELECT pg_backend_pid()")).get(0, 0));
  admin.exec("SELECT pg_terminate_backend($1::int)", {pid});
  for (int i = 0; i < 100 && admin.exec("SELECT 1 FROM pg_stat_activity WHERE pid = $1::int", {pid}).rows() > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  try {
    run(pool.query(select, {"1"}));
  } catch (const pg::ConnectionLost&) {  // the caller's to retry
  }
  EXPECT_EQ(columns(), 2) << "a new connection prepares its statements anew";
  EXPECT_EQ(run(pool.query("SELECT count(*) FROM pg_prepared_statements")).get(0, 0), "2")
      << "this session prepared the select and the count itself";
}

TEST_F(PoolTest, PingIsTrueWhenTheServerAnswers) {
  pg::Pool pool(io_.get_executor(), options(1));
  EXPECT_TRUE(run(pool.ping()));
}

}  // namespace

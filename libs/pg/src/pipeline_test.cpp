// Integration tests of the pool's pipelined reads (Pool::read): sharing, failures that stay alone, a schema
// change and a lost connection under them, and a connection handed to a transaction under load. They need
// TEST_PG_URI and skip without it.
#include <atomic>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <functional>
#include <mutex>
#include <set>

#include "pg/uri.hpp"
#include "pipeline.hpp"
#include "pool_test_fixture.hpp"

namespace {

// Coroutine lambdas, kept alive by co_spawn while they run (a lambda called at once would leave its captures behind).
using Reads = std::vector<std::function<asio::awaitable<void>()>>;

// Starts every read before any runs, so that they queue together and go out in shared batches.
void run_together(asio::io_context& io, Reads reads, int threads = 1) {
  for (auto& read : reads) asio::co_spawn(io, std::move(read), asio::detached);
  io.restart();
  std::vector<std::thread> extra;
  for (int i = 1; i < threads; ++i) extra.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& thread : extra) thread.join();
}

TEST_F(PoolTest, ConcurrentReadsShareOneConnectionAndEachGetsItsOwnRows) {
  pg::Pool pool(io_.get_executor(), options(4));
  constexpr int count = 300;
  std::vector<std::string> answers(count);
  std::set<std::string> backends;
  std::mutex mutex;
  Reads reads;
  for (int i = 0; i < count; ++i) {
    reads.push_back([&, i]() -> asio::awaitable<void> {
      const auto r = co_await pool.read("SELECT $1::int * 2, pg_backend_pid()", {std::to_string(i)});
      const std::lock_guard lock{mutex};
      answers[i] = r.get(0, 0);
      backends.emplace(r.get(0, 1));
    });
  }
  run_together(io_, std::move(reads), 2);
  for (int i = 0; i < count; ++i) EXPECT_EQ(answers[i], std::to_string(2 * i)) << "read " << i;
  EXPECT_EQ(backends.size(), 1U) << "the reads went out on one connection";
  EXPECT_EQ(pool.stats().connects, 1U);
  EXPECT_EQ(pool.stats().reads, static_cast<std::uint64_t>(count));
  EXPECT_LE(pool.stats().read_batches, count / pg::Pipeline::max_batch + 1) << "queued together, sent together";
  EXPECT_EQ(pool.stats().in_use, 0) << "the connection was handed back once nothing waited";
}

TEST_F(PoolTest, AFailedReadFailsAloneAndTheReadsAfterItInItsBatchRun) {
  pg::Pool pool(io_.get_executor(), options(2));
  constexpr int count = 50;
  std::vector<std::string> outcomes(count);
  Reads reads;
  for (int i = 0; i < count; ++i) {
    reads.push_back([&, i]() -> asio::awaitable<void> {
      try {
        // Read 3 fails; "+ 0" is first seen after it, so its first Prepare is aborted with it and must be sent again.
        std::string sql = i % 10 == 3 ? "SELECT 1 / ($1::int - $1::int)"
                          : i < 3     ? "SELECT $1::int"
                                      : "SELECT $1::int + 0";
        const auto r = co_await pool.read(std::move(sql), {std::to_string(i)});
        outcomes[i] = r.get(0, 0);
      } catch (const pg::ConnectionLost& e) {
        outcomes[i] = std::string("lost: ") + e.what();
      } catch (const pg::Error& e) {
        outcomes[i] = "error " + e.sqlstate;
      }
    });
  }
  run_together(io_, std::move(reads));
  for (int i = 0; i < count; ++i) {
    EXPECT_EQ(outcomes[i], i % 10 == 3 ? "error 22012" : std::to_string(i)) << "read " << i;
  }
  EXPECT_EQ(run(pool.read("SELECT 'still usable'")).get(0, 0), "still usable");
}

TEST_F(PoolTest, PipelinedReadsSurviveASchemaChangeAndALostConnection) {
  const std::string database = "pool_pipelined_" + std::to_string(::getpid());
  const std::string server_uri = uri_;
  pg::BlockingConnection(server_uri).exec("CREATE DATABASE " + database);
  uri_ = pg::with_database(uri_, database);
  pg::BlockingConnection admin(uri_);
  admin.exec("CREATE TABLE prepared (a int)");
  admin.exec("INSERT INTO prepared VALUES (1)");
  pg::Pool pool(io_.get_executor(), options(2));
  const auto columns_of_many = [&] {
    std::set<int> columns;
    Reads reads;
    for (int i = 0; i < 20; ++i) {
      reads.push_back([&]() -> asio::awaitable<void> {
        columns.insert((co_await pool.read("SELECT * FROM prepared WHERE a = $1", {"1"})).columns());
      });
    }
    run_together(io_, std::move(reads));
    return columns;
  };
  EXPECT_EQ(columns_of_many(), std::set<int>{1});
  admin.exec("ALTER TABLE prepared ADD COLUMN b int");
  EXPECT_EQ(columns_of_many(), std::set<int>{2}) << "each read prepared again once and sent again";

  // A read that ends its own backend: it and the reads after it in flight fail, later ones get a new connection.
  const std::string first_pid(run(pool.read("SELECT pg_backend_pid()")).get(0, 0));
  std::atomic<int> answered{0};
  std::atomic<int> failed{0};
  Reads reads;
  for (int i = 0; i < 20; ++i) {
    reads.push_back([&, i]() -> asio::awaitable<void> {
      try {
        std::string sql = i == 5 ? "SELECT pg_terminate_backend(pg_backend_pid())::text" : "SELECT $1::text";
        pg::Params params;  // built outside the co_await: g++ 12 frees a conditional's temporary twice in one
        if (i != 5) params.emplace_back(std::to_string(i));
        const auto r = co_await pool.read(std::move(sql), std::move(params));
        if (i != 5 && r.get(0, 0) == std::to_string(i)) ++answered;
      } catch (const pg::Error&) {  // 57P01 for the terminating read, lost for those after it
        ++failed;
      }
    });
  }
  run_together(io_, std::move(reads));
  EXPECT_GE(failed, 1) << "the terminating read cannot have answered";
  EXPECT_EQ(answered + failed, 20);
  const std::string second_pid(run(pool.read("SELECT pg_backend_pid()")).get(0, 0));
  EXPECT_NE(second_pid, first_pid);
  EXPECT_EQ(columns_of_many(), std::set<int>{2}) << "the new connection prepares its statements anew";
  pg::BlockingConnection(server_uri).exec("DROP DATABASE " + database + " WITH (FORCE)");
}

TEST_F(PoolTest, ATransactionGetsTheConnectionWhileReadsNeverStop) {
  auto opts = options(1);  // the reads' connection is the only one
  opts.acquire_timeout = std::chrono::milliseconds(1000);
  pg::Pool pool(io_.get_executor(), opts);
  std::atomic<bool> transaction_done{false};
  std::atomic<int> reads_done{0};
  std::string transaction_outcome;
  Reads tasks;
  for (int i = 0; i < 20; ++i) {
    tasks.push_back([&]() -> asio::awaitable<void> {
      while (!transaction_done) {
        co_await pool.read("SELECT 1");
        ++reads_done;
      }
    });
  }
  tasks.push_back([&]() -> asio::awaitable<void> {
    asio::steady_timer pause(co_await asio::this_coro::executor, std::chrono::milliseconds(100));
    co_await pause.async_wait(asio::use_awaitable);  // the reads are running by now
    try {
      transaction_outcome = co_await pool.transaction([](pg::Session& s) -> asio::awaitable<std::string> {
        co_return std::string((co_await s.query("SELECT 'committed'")).get(0, 0));
      });
    } catch (const pg::Error& e) {
      transaction_outcome = e.what();
    }
    transaction_done = true;
  });
  run_together(io_, std::move(tasks));
  EXPECT_EQ(transaction_outcome, "committed");
  EXPECT_GT(reads_done, 20);
}

}  // namespace

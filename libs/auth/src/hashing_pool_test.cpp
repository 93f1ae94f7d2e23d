#include "auth/hashing_pool.hpp"

#include "auth/password.hpp"

#include <gtest/gtest.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>

#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace auth {
namespace {

namespace asio = boost::asio;

// Runs coroutine on a fresh io_context on this thread and rethrows whatever it threw.
template <class Coroutine>
void run_on_io_context(Coroutine coroutine) {
  asio::io_context io;
  std::exception_ptr failure;
  asio::co_spawn(io, coroutine(), [&](std::exception_ptr e) { failure = e; });
  io.run();
  if (failure) std::rethrow_exception(failure);
}

TEST(HashingPool, HashesAndVerifiesAndResumesOnTheCallersThread) {
  HashingPool pool{2, 8};
  const auto io_thread = std::this_thread::get_id();
  bool ran = false;
  run_on_io_context([&]() -> asio::awaitable<void> {
    const auto hash = co_await pool.hash("correct horse battery staple");
    EXPECT_EQ(std::this_thread::get_id(), io_thread);
    EXPECT_TRUE(hash.has_value());
    EXPECT_TRUE(verify_password(*hash, "correct horse battery staple"));
    const auto right = co_await pool.verify(*hash, "correct horse battery staple");
    EXPECT_TRUE(right.has_value() && *right);
    EXPECT_EQ(std::this_thread::get_id(), io_thread);
    const auto wrong = co_await pool.verify(*hash, "wrong password");
    EXPECT_TRUE(wrong.has_value() && !*wrong);
    EXPECT_EQ(std::this_thread::get_id(), io_thread);
    const auto malformed = co_await pool.verify("malformed", "x");
    EXPECT_TRUE(malformed.has_value() && !*malformed);
    ran = true;
  });
  EXPECT_TRUE(ran);
}

TEST(HashingPool, LeavesTheEventLoopFreeWhileHashing) {
  HashingPool pool{1, 8};
  asio::io_context io;
  bool other_work_ran = false;
  bool seen_while_hashing = false;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        (void)co_await pool.verify(dummy_hash(), "guess");
        seen_while_hashing = other_work_ran;
      },
      asio::detached);
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        other_work_ran = true;
        co_return;
      },
      asio::detached);
  io.run();
  EXPECT_TRUE(seen_while_hashing);
}

TEST(HashingPool, RefusesWorkBeyondItsQueueAndAcceptsItAgainOnceDrained) {
  HashingPool pool{1, 1};
  asio::io_context io;
  int verified = 0;
  int refused = 0;
  std::size_t most_waiting = 0;
  std::size_t most_busy = 0;
  const auto attempt = [&]() -> asio::awaitable<void> {
    const auto outcome = co_await pool.verify(dummy_hash(), "guess");
    if (outcome) ++verified;
    if (!outcome && outcome.error() == HashingRefused::queue_full) ++refused;
  };
  const auto observe = [&]() -> asio::awaitable<void> {
    most_waiting = std::max(most_waiting, pool.waiting());
    most_busy = std::max(most_busy, pool.busy_threads());
    co_return;
  };
  for (int i = 0; i < 4; ++i) asio::co_spawn(io, attempt, asio::detached);
  asio::co_spawn(io, observe, asio::detached);
  io.run();
  EXPECT_EQ(verified, 2) << "one running, one waiting";
  EXPECT_EQ(refused, 2);
  EXPECT_EQ(pool.refusals(), 2U);
  EXPECT_EQ(most_waiting, 1U);
  EXPECT_EQ(most_busy, 1U);
  EXPECT_EQ(pool.waiting(), 0U);

  io.restart();
  asio::co_spawn(io, attempt, asio::detached);
  io.run();
  EXPECT_EQ(verified, 3);
}

// The niceness of each of this process's threads, from field 19 of /proc/self/task/<tid>/stat.
std::vector<int> thread_niceness() {
  std::vector<int> values;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
    std::ifstream file{task.path() / "stat"};
    std::string stat{std::istreambuf_iterator<char>(file), {}};
    std::istringstream fields{stat.substr(stat.rfind(')') + 2)};  // from field 3 (state) on
    std::string field;
    for (int i = 3; i <= 19 && fields >> field; ++i) {}
    values.push_back(std::stoi(field));
  }
  return values;
}

TEST(HashingPool, HashesAtALowerPriorityThanTheCaller) {
  HashingPool pool{1, 1};
  run_on_io_context([&]() -> asio::awaitable<void> { (void)co_await pool.hash("x"); });
  const auto niceness = thread_niceness();
  EXPECT_EQ(std::count(niceness.begin(), niceness.end(), 10), 1) << "the pool's one thread";
  EXPECT_EQ(getpriority(PRIO_PROCESS, static_cast<id_t>(gettid())), 0) << "the caller keeps its priority";
}

TEST(HashingPool, RefusesZeroThreads) { EXPECT_THROW((HashingPool{0, 8}), std::invalid_argument); }

}  // namespace
}  // namespace auth

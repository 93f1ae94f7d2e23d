#include "auth/hashing_pool.hpp"

#include "auth/password.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <gtest/gtest.h>

#include <exception>
#include <thread>

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
  HashingPool pool{2};
  const auto io_thread = std::this_thread::get_id();
  bool ran = false;
  run_on_io_context([&]() -> asio::awaitable<void> {
    const auto hash = co_await pool.hash("correct horse battery staple");
    EXPECT_EQ(std::this_thread::get_id(), io_thread);
    EXPECT_TRUE(verify_password(hash, "correct horse battery staple"));
    EXPECT_TRUE(co_await pool.verify(hash, "correct horse battery staple"));
    EXPECT_EQ(std::this_thread::get_id(), io_thread);
    EXPECT_FALSE(co_await pool.verify(hash, "wrong password"));
    EXPECT_EQ(std::this_thread::get_id(), io_thread);
    EXPECT_FALSE(co_await pool.verify("malformed", "x"));
    ran = true;
  });
  EXPECT_TRUE(ran);
}

TEST(HashingPool, LeavesTheEventLoopFreeWhileHashing) {
  HashingPool pool{1};
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
      io, [&]() -> asio::awaitable<void> { other_work_ran = true; co_return; }, asio::detached);
  io.run();
  EXPECT_TRUE(seen_while_hashing);
}

TEST(HashingPool, RefusesZeroThreads) { EXPECT_THROW(HashingPool{0}, std::invalid_argument); }

}  // namespace
}  // namespace auth

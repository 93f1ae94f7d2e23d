#include "http/run.hpp"

#include <gtest/gtest.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <csignal>
#include <stdexcept>
#include <thread>

namespace http {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

TEST(RunUntilSignal, StopsOnSigtermAfterInFlightWork) {
  boost::asio::io_context io;
  boost::asio::io_context other;
  std::atomic<bool> stopped{false};
  std::atomic<bool> work_done{false};
  std::atomic<bool> other_ran{false};
  boost::asio::steady_timer in_flight{other};
  boost::asio::post(other, [&] { other_ran = true; });
  boost::asio::post(io, [] { std::raise(SIGTERM); });
  const auto start = Clock::now();
  run_until_signal(
      {&io, &other},
      [&] {
        stopped = true;
        in_flight.expires_after(100ms);
        in_flight.async_wait([&](const boost::system::error_code&) { work_done = true; });
      },
      5s);
  EXPECT_TRUE(stopped);
  EXPECT_TRUE(work_done) << "the second loop's in-flight work finished";
  EXPECT_TRUE(other_ran);
  EXPECT_LT(Clock::now() - start, 3s);
}

TEST(RunUntilSignal, DeadlineStopsLingeringWork) {
  boost::asio::io_context io;
  boost::asio::io_context other;
  boost::asio::steady_timer forever{other, 1h};
  forever.async_wait([](const boost::system::error_code&) {});
  boost::asio::post(io, [] { std::raise(SIGINT); });
  const auto start = Clock::now();
  run_until_signal(
      {&io, &other}, [] {}, 200ms);
  const auto elapsed = Clock::now() - start;
  EXPECT_GE(elapsed, 200ms);
  EXPECT_LT(elapsed, 5s);
}

TEST(RunUntilSignal, RethrowsHandlerException) {
  boost::asio::io_context io;
  boost::asio::io_context other;
  boost::asio::post(other, [] { throw std::runtime_error("broken"); });
  EXPECT_THROW(run_until_signal(
                   {&io, &other}, [] {}, 1s),
               std::runtime_error);
}

}  // namespace
}  // namespace http

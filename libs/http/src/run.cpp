#include "http/run.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <condition_variable>
#include <csignal>
#include <exception>
#include <mutex>
#include <thread>

namespace http {

void run_until_signal(const std::vector<boost::asio::io_context*>& loops, std::function<void()> on_stop,
                      std::chrono::milliseconds deadline) {
  std::mutex mutex;
  std::condition_variable changed;
  bool signalled = false;
  bool finished = false;
  std::exception_ptr failure;
  const auto stop_all = [&loops] {
    for (auto* loop : loops) loop->stop();
  };

  std::vector<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work;
  for (auto* loop : loops) work.push_back(boost::asio::make_work_guard(*loop));
  boost::asio::signal_set signals{*loops.at(0), SIGINT, SIGTERM};
  signals.async_wait([&](const boost::system::error_code& ec, int) {
    if (ec) return;
    on_stop();
    for (auto& guard : work) guard.reset();  // each run() now returns once its in-flight work is done
    const std::lock_guard lock{mutex};
    signalled = true;
    changed.notify_all();
  });

  // Stops the loops when in-flight work outlives the deadline after the signal.
  std::thread watchdog{[&] {
    std::unique_lock lock{mutex};
    changed.wait(lock, [&] { return signalled || finished; });
    if (!changed.wait_for(lock, deadline, [&] { return finished; })) stop_all();
  }};

  const auto run = [&](boost::asio::io_context& loop) {
    try {
      loop.run();
    } catch (...) {
      const std::lock_guard lock{mutex};
      if (!failure) failure = std::current_exception();
      stop_all();
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < loops.size(); ++i) threads.emplace_back(run, std::ref(*loops[i]));
  run(*loops[0]);
  for (auto& thread : threads) thread.join();
  {
    const std::lock_guard lock{mutex};
    finished = true;
    changed.notify_all();
  }
  watchdog.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace http

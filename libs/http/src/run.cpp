#include "http/run.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <condition_variable>
#include <csignal>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace http {

void run_until_signal(boost::asio::io_context& io, int threads, std::function<void()> on_stop,
                      std::chrono::milliseconds deadline) {
  std::mutex mutex;
  std::condition_variable changed;
  bool signalled = false;
  bool finished = false;
  std::exception_ptr failure;

  auto work = boost::asio::make_work_guard(io);
  boost::asio::signal_set signals{io, SIGINT, SIGTERM};
  signals.async_wait([&](const boost::system::error_code& ec, int) {
    if (ec) return;
    on_stop();
    work.reset();  // io.run() now returns once in-flight work is done
    const std::lock_guard lock{mutex};
    signalled = true;
    changed.notify_all();
  });

  // Stops io when in-flight work outlives the deadline after the signal.
  std::thread watchdog{[&] {
    std::unique_lock lock{mutex};
    changed.wait(lock, [&] { return signalled || finished; });
    if (!changed.wait_for(lock, deadline, [&] { return finished; })) io.stop();
  }};

  const auto run = [&] {
    try {
      io.run();
    } catch (...) {
      const std::lock_guard lock{mutex};
      if (!failure) failure = std::current_exception();
      io.stop();
    }
  };
  std::vector<std::thread> workers;
  for (int i = 1; i < threads; ++i) workers.emplace_back(run);
  run();
  for (auto& worker : workers) worker.join();
  {
    const std::lock_guard lock{mutex};
    finished = true;
    changed.notify_all();
  }
  watchdog.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace http

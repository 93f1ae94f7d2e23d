#pragma once
// The pool's bounded set of connection slots (internal to the pg library).

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

#include "pg/connection.hpp"
#include "pg/pool_stats.hpp"

namespace pg {

// `size` permits, a counting semaphore: taking one waits (FIFO) while all are borrowed, at most a
// deadline. With the permit comes the most recently returned open connection, so a lightly loaded pool
// keeps reusing one warm connection; nullptr means none is open: the borrower opens one.
class Slots {
 public:
  Slots(boost::asio::any_io_executor executor, std::size_t size);
  // Throws PoolTimeout when no permit came within `timeout`.
  boost::asio::awaitable<std::shared_ptr<Connection>> take(std::chrono::milliseconds timeout);
  // Never blocks; nullptr hands back the permit only (a broken connection).
  void give_back(std::shared_ptr<Connection> connection) noexcept;
  // Whether a borrower waits for a permit not yet granted (one granted but not yet resumed does not count).
  bool contended();

  PoolStats stats;

 private:
  // A borrower waiting for a permit; give_back sets `granted` and wakes it through its timer.
  struct Waiter {
    explicit Waiter(const boost::asio::any_io_executor& executor) : wake(executor) {}
    boost::asio::steady_timer wake;
    bool granted = false;
  };
  std::shared_ptr<Connection> take_open_connection();

  boost::asio::any_io_executor executor_;
  std::mutex mutex_;
  std::size_t free_;
  std::deque<std::shared_ptr<Waiter>> waiters_;
  std::vector<std::shared_ptr<Connection>> open_;  // idle open connections, the most recent last
};

}  // namespace pg

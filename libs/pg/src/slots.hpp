#pragma once
// The pool's bounded set of connection slots (internal to the pg library).

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/experimental/concurrent_channel.hpp>
#include <boost/system/error_code.hpp>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "pg/connection.hpp"

namespace pg {

// `size` permits circulate through a thread-safe channel: taking one waits (FIFO) while all are
// borrowed. With the permit comes the most recently returned open connection, so a lightly loaded
// pool keeps reusing one warm connection; nullptr means none is open: the borrower opens one.
class Slots {
 public:
  Slots(const boost::asio::any_io_executor& executor, std::size_t size);
  boost::asio::awaitable<std::shared_ptr<Connection>> take();
  // Never blocks and never allocates; nullptr hands back the permit only (a broken connection).
  void give_back(std::shared_ptr<Connection> connection) noexcept;

 private:
  boost::asio::experimental::concurrent_channel<void(boost::system::error_code)> permits_;
  std::mutex mutex_;
  std::vector<std::shared_ptr<Connection>> open_;  // idle open connections, the most recent last
};

}  // namespace pg

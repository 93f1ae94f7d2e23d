#pragma once
// The pool's bounded set of connection slots (internal to the pg library).

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/experimental/concurrent_channel.hpp>
#include <boost/system/error_code.hpp>
#include <cstddef>
#include <memory>

#include "pg/connection.hpp"

namespace pg {

// `size` slots circulate through a thread-safe channel: taking one waits (FIFO) while all are borrowed.
// An empty slot (nullptr) stands for a connection not opened yet or dropped because it broke.
class Slots {
 public:
  Slots(const boost::asio::any_io_executor& executor, std::size_t size);
  boost::asio::awaitable<std::shared_ptr<Connection>> take();
  // Never blocks: the channel has room for every slot.
  void give_back(std::shared_ptr<Connection> connection) noexcept;

 private:
  boost::asio::experimental::concurrent_channel<void(boost::system::error_code, std::shared_ptr<Connection>)>
      channel_;
};

}  // namespace pg

#include "slots.hpp"

#include <boost/asio/use_awaitable.hpp>
#include <stdexcept>

namespace pg {

Slots::Slots(const boost::asio::any_io_executor& executor, std::size_t size) : channel_(executor, size) {
  if (size == 0) throw std::invalid_argument("pg pool size must be at least 1");
  for (std::size_t i = 0; i < size; ++i) channel_.try_send(boost::system::error_code{}, nullptr);
}

boost::asio::awaitable<std::shared_ptr<Connection>> Slots::take() {
  co_return co_await channel_.async_receive(boost::asio::use_awaitable);
}

void Slots::give_back(std::shared_ptr<Connection> connection) noexcept {
  channel_.try_send(boost::system::error_code{}, std::move(connection));
}

}  // namespace pg

#include "slots.hpp"

#include <boost/asio/use_awaitable.hpp>
#include <stdexcept>

namespace pg {

Slots::Slots(const boost::asio::any_io_executor& executor, std::size_t size) : permits_(executor, size) {
  if (size == 0) throw std::invalid_argument("pg pool size must be at least 1");
  open_.reserve(size);
  for (std::size_t i = 0; i < size; ++i) permits_.try_send(boost::system::error_code{});
}

boost::asio::awaitable<std::shared_ptr<Connection>> Slots::take() {
  co_await permits_.async_receive(boost::asio::use_awaitable);
  const std::lock_guard lock{mutex_};
  if (open_.empty()) co_return nullptr;
  auto connection = std::move(open_.back());
  open_.pop_back();
  co_return connection;
}

void Slots::give_back(std::shared_ptr<Connection> connection) noexcept {
  if (connection) {
    const std::lock_guard lock{mutex_};
    open_.push_back(std::move(connection));  // within the capacity reserved: one per permit
  }
  permits_.try_send(boost::system::error_code{});
}

}  // namespace pg

#include "slots.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <stdexcept>

#include "pg/error.hpp"

namespace pg {

Slots::Slots(boost::asio::any_io_executor executor, std::size_t size) : executor_(std::move(executor)), free_(size) {
  if (size == 0) throw std::invalid_argument("pg pool size must be at least 1");
  open_.reserve(size);
}

boost::asio::awaitable<std::shared_ptr<Connection>> Slots::take(std::chrono::milliseconds timeout) {
  std::shared_ptr<Waiter> waiter;
  {
    const std::lock_guard lock{mutex_};
    if (free_ > 0) {
      --free_;
    } else {
      waiter = std::make_shared<Waiter>(executor_);
      waiter->wake.expires_after(timeout);
      waiters_.push_back(waiter);
    }
  }
  if (waiter) {
    ++stats.waiting;
    co_await waiter->wake.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));  // expiry or a grant
    --stats.waiting;
    const std::lock_guard lock{mutex_};
    if (!waiter->granted) {  // a grant that raced the expiry counts: the permit is never lost
      std::erase(waiters_, waiter);
      ++stats.wait_timeouts;
      throw PoolTimeout();
    }
  }
  ++stats.in_use;
  co_return take_open_connection();
}

std::shared_ptr<Connection> Slots::take_open_connection() {
  const std::lock_guard lock{mutex_};
  if (open_.empty()) return nullptr;
  auto connection = std::move(open_.back());
  open_.pop_back();
  return connection;
}

bool Slots::contended() {
  const std::lock_guard lock{mutex_};
  return !waiters_.empty();
}

void Slots::give_back(std::shared_ptr<Connection> connection) noexcept {
  --stats.in_use;
  const std::lock_guard lock{mutex_};
  if (connection) open_.push_back(std::move(connection));  // within the capacity reserved: one per permit
  if (waiters_.empty()) {
    ++free_;
    return;
  }
  auto next = std::move(waiters_.front());
  waiters_.pop_front();
  next->granted = true;
  boost::asio::post(next->wake.get_executor(), [next] { next->wake.cancel(); });
}

}  // namespace pg

#include "auth/hashing_pool.hpp"

#include "auth/password.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

#include <sys/resource.h>
#include <unistd.h>

namespace auth {
namespace {

namespace asio = boost::asio;

constexpr int hashing_niceness = 10;

std::size_t checked(std::size_t threads) {
  if (threads == 0) throw std::invalid_argument("hashing pool needs at least one thread");
  return threads;
}

// Once per pool thread: Linux applies a niceness to the calling thread only.
void lower_this_threads_priority() {
  thread_local const bool lowered = setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), hashing_niceness) == 0;
  (void)lowered;
}

asio::awaitable<std::string> hash_task(std::string password) {
  lower_this_threads_priority();
  co_return hash_password(password);
}

asio::awaitable<bool> verify_task(std::string hash, std::string password) {
  lower_this_threads_priority();
  co_return verify_password(hash, password);
}

}  // namespace

// One admitted hash, counted from admission until its result is back on the caller's executor.
class HashingPool::Slot {
 public:
  explicit Slot(HashingPool& pool) : pool_(pool), admitted_(pool.in_flight_.fetch_add(1) < pool.capacity_) {
    if (!admitted_) ++pool_.refusals_;
  }
  ~Slot() { pool_.in_flight_.fetch_sub(1); }
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;
  bool admitted() const { return admitted_; }

 private:
  HashingPool& pool_;
  const bool admitted_;
};

HashingPool::HashingPool(std::size_t threads, std::size_t queue_limit)
    : pool_(checked(threads)), threads_(threads), capacity_(threads + queue_limit) {}

HashingPool::~HashingPool() { pool_.join(); }

std::size_t HashingPool::waiting() const {
  const auto in_flight = in_flight_.load(std::memory_order_relaxed);
  return in_flight > threads_ ? std::min(in_flight, capacity_) - threads_ : 0;
}

std::size_t HashingPool::busy_threads() const { return std::min(in_flight_.load(std::memory_order_relaxed), threads_); }

// co_spawn with use_awaitable completes through the awaiting coroutine's executor.
asio::awaitable<HashingPool::Outcome<std::string>> HashingPool::hash(std::string password) {
  const Slot slot{*this};
  if (!slot.admitted()) co_return HashingRefused::queue_full;
  co_return co_await asio::co_spawn(pool_, hash_task(std::move(password)), asio::use_awaitable);
}

asio::awaitable<HashingPool::Outcome<bool>> HashingPool::verify(std::string hash, std::string password) {
  const Slot slot{*this};
  if (!slot.admitted()) co_return HashingRefused::queue_full;
  co_return co_await asio::co_spawn(pool_, verify_task(std::move(hash), std::move(password)), asio::use_awaitable);
}

}  // namespace auth

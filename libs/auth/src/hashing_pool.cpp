#include "auth/hashing_pool.hpp"

#include "auth/password.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>

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
  explicit Slot(HashingPool& pool) : in_flight_(pool.in_flight_) {
    if (in_flight_.fetch_add(1) >= pool.capacity_) {
      in_flight_.fetch_sub(1);
      throw Full{};
    }
  }
  ~Slot() { in_flight_.fetch_sub(1); }
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;

 private:
  std::atomic<std::size_t>& in_flight_;
};

HashingPool::HashingPool(std::size_t threads, std::size_t queue_limit)
    : pool_(checked(threads)), capacity_(threads + queue_limit) {}

HashingPool::~HashingPool() { pool_.join(); }

// co_spawn with use_awaitable completes through the awaiting coroutine's executor.
asio::awaitable<std::string> HashingPool::hash(std::string password) {
  const Slot slot{*this};
  co_return co_await asio::co_spawn(pool_, hash_task(std::move(password)), asio::use_awaitable);
}

asio::awaitable<bool> HashingPool::verify(std::string hash, std::string password) {
  const Slot slot{*this};
  co_return co_await asio::co_spawn(pool_, verify_task(std::move(hash), std::move(password)), asio::use_awaitable);
}

}  // namespace auth

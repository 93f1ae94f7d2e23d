// A bounded pool of threads for Argon2id so hashing never stalls an event loop.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/system/result.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>

namespace auth {

// The pool refused the work: `queue_limit` hashes already wait for a thread (answer 503, retry shortly).
enum class HashingRefused { queue_full };

class HashingPool {
 public:
  template <class T>
  using Outcome = boost::system::result<T, HashingRefused>;

  // threads must be at least 1; throws std::invalid_argument otherwise. The threads run at a lower
  // priority (nice +10) than the rest of the process, so hashing cannot starve the event loops.
  HashingPool(std::size_t threads, std::size_t queue_limit);
  // Waits for the hashes in flight, then joins the threads.
  ~HashingPool();
  HashingPool(const HashingPool&) = delete;
  HashingPool& operator=(const HashingPool&) = delete;

  // Each runs on the pool and resumes the awaiting coroutine on its own executor.
  boost::asio::awaitable<Outcome<std::string>> hash(std::string password);
  boost::asio::awaitable<Outcome<bool>> verify(std::string hash, std::string password);

  // For metrics (relaxed reads): hashes waiting for a thread, threads hashing, refusals so far.
  std::size_t waiting() const;
  std::size_t busy_threads() const;
  std::uint64_t refusals() const { return refusals_.load(std::memory_order_relaxed); }

 private:
  class Slot;

  boost::asio::thread_pool pool_;
  const std::size_t threads_;
  const std::size_t capacity_;  // threads + queue_limit
  std::atomic<std::size_t> in_flight_{0};
  std::atomic<std::uint64_t> refusals_{0};
};

}  // namespace auth

// A bounded pool of threads for Argon2id so hashing never stalls an event loop.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <cstddef>
#include <stdexcept>
#include <string>

namespace auth {

class HashingPool {
 public:
  // Thrown instead of queueing when `queue_limit` hashes already wait for a thread.
  struct Full : std::runtime_error {
    Full() : std::runtime_error("hashing queue full") {}
  };

  // threads must be at least 1; throws std::invalid_argument otherwise. The threads run at a lower
  // priority (nice +10) than the rest of the process, so hashing cannot starve the event loops.
  HashingPool(std::size_t threads, std::size_t queue_limit);
  // Waits for the hashes in flight, then joins the threads.
  ~HashingPool();
  HashingPool(const HashingPool&) = delete;
  HashingPool& operator=(const HashingPool&) = delete;

  // Each runs on the pool and resumes the awaiting coroutine on its own executor; throws Full.
  boost::asio::awaitable<std::string> hash(std::string password);
  boost::asio::awaitable<bool> verify(std::string hash, std::string password);

 private:
  class Slot;

  boost::asio::thread_pool pool_;
  const std::size_t capacity_;  // threads + queue_limit
  std::atomic<std::size_t> in_flight_{0};
};

}  // namespace auth

// A bounded pool of threads for Argon2id so hashing never stalls an event loop.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/thread_pool.hpp>

#include <cstddef>
#include <string>

namespace auth {

class HashingPool {
 public:
  // threads must be at least 1; throws std::invalid_argument otherwise.
  explicit HashingPool(std::size_t threads);
  // Waits for the hashes in flight, then joins the threads.
  ~HashingPool();
  HashingPool(const HashingPool&) = delete;
  HashingPool& operator=(const HashingPool&) = delete;

  // Each runs on the pool and resumes the awaiting coroutine on its own executor.
  boost::asio::awaitable<std::string> hash(std::string password);
  boost::asio::awaitable<bool> verify(std::string hash, std::string password);

 private:
  boost::asio::thread_pool pool_;
};

}  // namespace auth

#include "auth/hashing_pool.hpp"

#include "auth/password.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <stdexcept>

namespace auth {
namespace {

namespace asio = boost::asio;

std::size_t checked(std::size_t threads) {
  if (threads == 0) throw std::invalid_argument("hashing pool needs at least one thread");
  return threads;
}

asio::awaitable<std::string> hash_task(std::string password) { co_return hash_password(password); }

asio::awaitable<bool> verify_task(std::string hash, std::string password) {
  co_return verify_password(hash, password);
}

}  // namespace

HashingPool::HashingPool(std::size_t threads) : pool_(checked(threads)) {}

HashingPool::~HashingPool() { pool_.join(); }

// co_spawn with use_awaitable completes through the awaiting coroutine's executor.
asio::awaitable<std::string> HashingPool::hash(std::string password) {
  co_return co_await asio::co_spawn(pool_, hash_task(std::move(password)), asio::use_awaitable);
}

asio::awaitable<bool> HashingPool::verify(std::string hash, std::string password) {
  co_return co_await asio::co_spawn(pool_, verify_task(std::move(hash), std::move(password)),
                                    asio::use_awaitable);
}

}  // namespace auth

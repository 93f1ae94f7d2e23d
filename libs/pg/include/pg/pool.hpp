#pragma once
// A bounded, thread-safe pool of asynchronous connections, opened lazily.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <exception>
#include <memory>
#include <string>
#include <type_traits>

#include "pg/error.hpp"
#include "pg/options.hpp"
#include "pg/pool_stats.hpp"
#include "pg/result.hpp"
#include "pg/session.hpp"

namespace pg {

class Pipeline;

// Safe to use from several threads running the same io_context. Must outlive its Sessions' use.
class Pool {
 public:
  Pool(boost::asio::any_io_executor executor, PoolOptions options);

  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;
  ~Pool();

  // Borrows a connection, runs one statement, returns the connection.
  boost::asio::awaitable<Result> query(std::string sql, Params params = {});
  // Runs one statement that only reads, pipelined with the other reads of this pool on one shared connection:
  // under load many cost one round trip. Each fails alone (Error, ConnectionLost: as query). Not for a
  // statement that writes (it would share an implicit transaction with others) nor for a slow one (the reads
  // queued behind it wait for it).
  boost::asio::awaitable<Result> read(std::string sql, Params params = {});
  // Waits (first come, first served) while all `size` connections are borrowed, at most acquire_timeout
  // (then throws PoolTimeout); (re)connects when needed.
  boost::asio::awaitable<Session> acquire();
  // BEGIN; co_await f(session); COMMIT. On any exception: ROLLBACK and rethrow. Returns what f's awaitable returns.
  template <class F>
  auto transaction(F f) -> boost::asio::awaitable<typename std::invoke_result_t<F&, Session&>::value_type>;
  // SELECT 1 within `timeout`; false on any failure (for readiness probes).
  boost::asio::awaitable<bool> ping(std::chrono::milliseconds timeout = std::chrono::seconds(2));
  const PoolStats& stats() const;

 private:
  boost::asio::awaitable<bool> select_one();

  boost::asio::any_io_executor executor_;
  PoolOptions options_;
  std::shared_ptr<Slots> slots_;
  std::unique_ptr<Pipeline> pipeline_;
};

template <class F>
auto Pool::transaction(F f) -> boost::asio::awaitable<typename std::invoke_result_t<F&, Session&>::value_type> {
  using Value = typename std::invoke_result_t<F&, Session&>::value_type;
  Session session = co_await acquire();
  co_await session.query("BEGIN");
  std::exception_ptr failure;
  try {
    if constexpr (std::is_void_v<Value>) {
      co_await f(session);
      co_await session.commit();
      co_return;
    } else {
      Value value = co_await f(session);
      co_await session.commit();
      co_return value;
    }
  } catch (...) {
    failure = std::current_exception();
  }
  co_await session.rollback();  // cannot co_await inside the handler
  std::rethrow_exception(failure);
}

}  // namespace pg

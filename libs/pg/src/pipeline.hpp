#pragma once
// The pool's shared reads: many borrowers' statements on one connection in pipeline mode (internal).

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>

#include "pg/result.hpp"

namespace pg {

class Pool;
class Session;

// Statements wait in a queue; one driver sends what waits as a batch and hands each borrower its rows. What
// arrives while a batch is in flight goes out as the next batch at once, so under load many statements share
// a round trip, a system call and a wake-up of the server. A batch is one implicit transaction: a failed
// statement fails alone, the ones after it in its batch are sent again. The driver borrows a connection from
// the pool while statements wait or are in flight, and hands it back when none do or when others wait for one
// (it sends nothing more, receives what is in flight, and queues up behind them).
class Pipeline {
 public:
  Pipeline(boost::asio::any_io_executor executor, Pool& pool);
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;
  ~Pipeline();

  boost::asio::awaitable<Result> query(std::string sql, Params params);

  static constexpr std::size_t max_batch = 64;  // statements per batch; more go out in the next one

 private:
  struct Request;
  using Requests = std::deque<std::shared_ptr<Request>>;

  boost::asio::awaitable<void> drive();
  // Runs batches on `session` until nothing waits or others wait for a connection; true when statements wait.
  boost::asio::awaitable<bool> run_on(Session& session);
  // Up to max_batch waiting statements; ends the driver when none wait and `stop_when_idle`.
  Requests take_batch(bool stop_when_idle);
  // Puts `requests` first in the queue (and empties it).
  void send_again(Requests& requests);
  static void fail_all(Requests& requests, const std::exception_ptr& failure);

  boost::asio::any_io_executor executor_;
  Pool& pool_;
  std::mutex mutex_;
  Requests waiting_;
  bool driving_ = false;
};

}  // namespace pg

#pragma once
// One PGconn driven by the Asio loop: non-blocking connect and queries, never blocking a thread.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <memory>
#include <string>

#include "pg/options.hpp"
#include "pg/result.hpp"

struct pg_conn;

namespace pg {

// Not thread-safe: one coroutine at a time uses a connection (the pool hands it to one Session).
class Connection {
 public:
  explicit Connection(boost::asio::any_io_executor executor);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Opens the connection (closing any previous one); throws ConnectionLost on failure or after connect_timeout.
  boost::asio::awaitable<void> connect(PoolOptions options);
  // Runs one statement with bound text parameters; throws Error, or ConnectionLost when the connection broke.
  boost::asio::awaitable<Result> query(std::string sql, Params params);
  // Connected, idle and outside any transaction: safe to hand to the next borrower. Reads pending input
  // first so that a connection the server has closed meanwhile is reported as not reusable.
  bool reusable();

 private:
  boost::asio::awaitable<void> flush();
  boost::asio::awaitable<Result> collect();
  void watch_socket();

  struct Finish {
    void operator()(pg_conn* conn) const;
  };
  std::unique_ptr<pg_conn, Finish> conn_;
  int watched_fd_ = -1;                           // libpq's socket that socket_ holds a dup() of
  boost::asio::posix::stream_descriptor socket_;  // declared after conn_: closed before PQfinish
};

}  // namespace pg

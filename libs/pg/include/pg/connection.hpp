#pragma once
// One PGconn driven by the Asio loop: non-blocking connect and queries, never blocking a thread.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <unordered_map>

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
  // The statement is prepared on its first use on this connection (named by a hash of its text) and
  // executed prepared from then on; one whose plan a schema change invalidated is prepared again and, outside
  // a transaction, retried once. At most `max_prepared` statements per connection; others run unprepared.
  boost::asio::awaitable<Result> query(std::string sql, Params params);

  static constexpr std::size_t max_prepared = 256;
  // Connected, idle, outside any transaction and out of pipeline mode: safe to hand to the next borrower.
  // Reads pending input first so that a connection the server has closed meanwhile is reported as not reusable.
  bool reusable();

  // libpq's pipeline mode (the pool's shared reads): `send` queues a statement, prepared as `query` does,
  // without waiting; `sync` ends a batch (one implicit transaction) and starts sending it; `receive` returns
  // the oldest statement's rows, waiting for them if `ready` is false. A statement after a failed one in its
  // batch did not run: receive throws detail::PipelineAborted for it. Every statement must be received before
  // exit_pipeline.
  void enter_pipeline();
  void send(const std::string& sql, const Params& params);
  void sync();
  boost::asio::awaitable<void> flush();
  bool ready();
  boost::asio::awaitable<Result> receive();
  void exit_pipeline();

 private:
  struct Sent {
    std::string sql;
    std::string name;         // empty: sent unprepared
    bool prepares = false;    // a Prepare went ahead of it
    bool ends_batch = false;  // a Sync follows it
  };
  boost::asio::awaitable<Result> collect();
  // Waits until libpq holds the next result (or the end of the current statement's results).
  boost::asio::awaitable<void> result_arrived();
  // The name `sql` is prepared under on this connection, preparing it first; empty when the cache is full.
  boost::asio::awaitable<std::string> prepared(const std::string& sql, int parameters);
  boost::asio::awaitable<Result> execute(const std::string& name, const std::string& sql, const Params& params);
  std::string new_statement_name(const std::string& sql);
  // Forgets `sql`'s prepared name after a failed Prepare or an invalidated plan, unless it was prepared anew since.
  void forget(const std::string& sql, const std::string& name);
  void watch_socket();

  struct Finish {
    void operator()(pg_conn* conn) const;
  };
  std::unique_ptr<pg_conn, Finish> conn_;
  int watched_fd_ = -1;                           // libpq's socket that socket_ holds a dup() of
  boost::asio::posix::stream_descriptor socket_;  // declared after conn_: closed before PQfinish
  bool retired_ = false;  // a standby answered, or the pipeline went out of step: not to be pooled again
  std::unordered_map<std::string, std::string> prepared_;  // statement text -> its name on this connection
  std::uint64_t generation_ = 0;  // part of a name, so a statement prepared again gets a new one
  std::deque<Sent> sent_;         // pipeline mode: statements sent and not yet received, oldest first
};

}  // namespace pg

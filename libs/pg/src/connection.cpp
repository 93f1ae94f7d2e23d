#include "pg/connection.hpp"

#include <libpq-fe.h>
#include <poll.h>
#include <unistd.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <cerrno>
#include <system_error>
#include <variant>

#include "connect_params.hpp"
#include "pg/error.hpp"
#include "raise.hpp"

namespace pg {
namespace {

namespace asio = boost::asio;
using namespace boost::asio::experimental::awaitable_operators;
using Wait = asio::posix::descriptor_base::wait_type;
constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);

// Waits until `socket` is ready for `wait`; false once `deadline` passed first.
asio::awaitable<bool> wait_until(asio::posix::stream_descriptor& socket, Wait wait,
                                 std::chrono::steady_clock::time_point deadline) {
  asio::steady_timer timer(socket.get_executor(), deadline);
  auto outcome = co_await (socket.async_wait(wait, no_throw) || timer.async_wait(no_throw));
  co_return outcome.index() == 0;
}

// True when the kernel has bytes (or EOF) waiting on `fd`; never blocks.
bool readable_now(int fd) {
  pollfd entry{fd, POLLIN, 0};
  return ::poll(&entry, 1, 0) > 0;
}

}  // namespace

void Connection::Finish::operator()(pg_conn* conn) const { PQfinish(conn); }

Connection::Connection(asio::any_io_executor executor) : socket_(std::move(executor)) {}

Connection::~Connection() = default;

void Connection::watch_socket() {
  const int fd = PQsocket(conn_.get());
  if (fd == watched_fd_ && socket_.is_open()) return;
  boost::system::error_code ignored;
  socket_.close(ignored);
  watched_fd_ = fd;
  if (fd < 0) detail::raise_lost(conn_.get());
  const int copy = ::dup(fd);  // closing socket_ must never close libpq's own descriptor
  if (copy < 0) throw std::system_error(errno, std::generic_category(), "dup of the database socket");
  socket_.assign(copy);
}

asio::awaitable<void> Connection::connect(PoolOptions options) {
  boost::system::error_code ignored;
  socket_.close(ignored);
  watched_fd_ = -1;
  const detail::ConnectParams params(options.uri, options.connect_timeout, options.statement_timeout,
                                     options.application_name);
  conn_.reset(PQconnectStartParams(params.keywords(), params.values(), 1));
  if (!conn_ || PQstatus(conn_.get()) == CONNECTION_BAD) detail::raise_lost(conn_.get());
  detail::watch_notices(conn_.get());

  // PQconnectPoll ignores connect_timeout, so the deadline is ours to enforce.
  const auto deadline = std::chrono::steady_clock::now() + options.connect_timeout;
  PostgresPollingStatusType status = PGRES_POLLING_WRITING;
  while (status != PGRES_POLLING_OK) {
    if (status == PGRES_POLLING_FAILED) detail::raise_lost(conn_.get());
    watch_socket();  // the socket may change between polls (several hosts, SSL retry)
    const Wait wait = status == PGRES_POLLING_READING ? Wait::wait_read : Wait::wait_write;
    if (!co_await wait_until(socket_, wait, deadline)) {
      conn_.reset();
      throw ConnectionLost("timed out connecting to the database");
    }
    status = PQconnectPoll(conn_.get());
  }
  watch_socket();
  if (PQsetnonblocking(conn_.get(), 1) != 0) detail::raise_lost(conn_.get());
}

asio::awaitable<Result> Connection::query(std::string sql, Params params) {
  if (!conn_ || PQstatus(conn_.get()) != CONNECTION_OK) throw ConnectionLost("not connected to the database");
  for (int attempt = 0;; ++attempt) {
    const auto name = co_await prepared(sql, static_cast<int>(params.size()));
    try {
      co_return co_await execute(name, sql, params);
    } catch (const Error& error) {
      // A server that became a standby (a failover): this connection will never write again.
      if (is_read_only_server(error)) retired_ = true;
      if (!detail::is_stale_plan(error) || name.empty()) throw;
      forget(sql, name);
      if (attempt > 0 || PQtransactionStatus(conn_.get()) != PQTRANS_IDLE) throw;
    }
  }
}

std::string Connection::new_statement_name(const std::string& sql) {
  return "s" + std::to_string(std::hash<std::string>{}(sql)) + "_" + std::to_string(generation_++);
}

void Connection::forget(const std::string& sql, const std::string& name) {
  if (const auto known = prepared_.find(sql); known != prepared_.end() && known->second == name) {
    prepared_.erase(known);
  }
}

asio::awaitable<std::string> Connection::prepared(const std::string& sql, int parameters) {
  if (const auto known = prepared_.find(sql); known != prepared_.end()) co_return known->second;
  if (prepared_.size() >= max_prepared) co_return std::string{};
  std::string name = new_statement_name(sql);
  if (PQsendPrepare(conn_.get(), name.c_str(), sql.c_str(), parameters, nullptr) == 0) {
    detail::raise(conn_.get(), nullptr);
  }
  co_await flush();
  co_await collect();
  prepared_.emplace(sql, name);
  co_return name;
}

namespace {

std::vector<const char*> values_of(const Params& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& param : params) values.push_back(param ? param->c_str() : nullptr);
  return values;
}

// Sends `sql` with its parameters bound (always the extended protocol: never spliced into the SQL), prepared
// as `name` unless that is empty; false when libpq could not queue it.
bool send_statement(PGconn* conn, const std::string& name, const std::string& sql, const Params& params) {
  const auto values = values_of(params);
  const int count = static_cast<int>(values.size());
  return (name.empty() ? PQsendQueryParams(conn, sql.c_str(), count, nullptr, values.data(), nullptr, nullptr, 0)
                       : PQsendQueryPrepared(conn, name.c_str(), count, values.data(), nullptr, nullptr, 0)) != 0;
}

}  // namespace

asio::awaitable<Result> Connection::execute(const std::string& name, const std::string& sql, const Params& params) {
  if (!send_statement(conn_.get(), name, sql, params)) detail::raise(conn_.get(), nullptr);
  co_await flush();
  co_return co_await collect();
}

asio::awaitable<void> Connection::flush() {
  for (;;) {
    const int pending = PQflush(conn_.get());
    if (pending == 0) co_return;
    if (pending < 0) detail::raise_lost(conn_.get());
    // Also drain input while waiting, so a server blocked on writing to us cannot deadlock the send.
    auto ready =
        co_await (socket_.async_wait(Wait::wait_write, no_throw) || socket_.async_wait(Wait::wait_read, no_throw));
    const auto error = std::visit([](const auto& result) { return std::get<0>(result); }, ready);
    if (error) throw boost::system::system_error(error);
    if (PQconsumeInput(conn_.get()) == 0) detail::raise_lost(conn_.get());
  }
}

asio::awaitable<void> Connection::result_arrived() {
  while (PQisBusy(conn_.get()) != 0) {
    co_await socket_.async_wait(Wait::wait_read, asio::use_awaitable);
    if (PQconsumeInput(conn_.get()) == 0) detail::raise_lost(conn_.get());
  }
}

asio::awaitable<Result> Connection::collect() {
  PGconn* conn = conn_.get();
  std::unique_ptr<PGresult, decltype(&PQclear)> kept(nullptr, &PQclear);
  bool failed = false;
  for (;;) {
    co_await result_arrived();
    PGresult* next = PQgetResult(conn);
    if (next == nullptr) break;
    const ExecStatusType status = PQresultStatus(next);
    if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH) {
      PQclear(next);
      throw Error("COPY is not supported by pg::Connection::query");  // the connection is left unusable
    }
    // Keep the first error (later ones only echo a lost connection), otherwise the last result.
    if (failed) {
      PQclear(next);
      continue;
    }
    failed = !detail::succeeded(next);
    kept.reset(next);
  }
  if (failed || !kept) detail::raise(conn, kept.get());
  co_return Result(kept.release());
}

void Connection::enter_pipeline() {
  if (PQenterPipelineMode(conn_.get()) == 0) detail::raise_lost(conn_.get());
}

void Connection::send(const std::string& sql, const Params& params) {
  PGconn* conn = conn_.get();
  Sent sent;
  sent.sql = sql;
  if (const auto known = prepared_.find(sql); known != prepared_.end()) {
    sent.name = known->second;
  } else if (prepared_.size() < max_prepared) {
    sent.name = new_statement_name(sql);
    sent.prepares = true;
    if (PQsendPrepare(conn, sent.name.c_str(), sql.c_str(), static_cast<int>(params.size()), nullptr) == 0) {
      retired_ = true;
      detail::raise_lost(conn);
    }
    prepared_.emplace(sql, sent.name);
  }
  if (!send_statement(conn, sent.name, sql, params)) {
    retired_ = true;  // a Prepare may have gone out without its statement: out of step with sent_
    detail::raise_lost(conn);
  }
  sent_.push_back(std::move(sent));
}

void Connection::sync() {
  if (PQpipelineSync(conn_.get()) == 0) detail::raise_lost(conn_.get());
  sent_.back().ends_batch = true;
}

bool Connection::ready() { return PQisBusy(conn_.get()) == 0; }

asio::awaitable<Result> Connection::receive() {
  PGconn* conn = conn_.get();
  const Sent sent = std::move(sent_.front());
  sent_.pop_front();
  std::unique_ptr<PGresult, decltype(&PQclear)> kept(nullptr, &PQclear);
  bool failed = false;
  bool prepare_failed = false;
  // The Prepare's results (when one went ahead), then the statement's; each ends with a null result.
  for (int round = sent.prepares ? 0 : 1; round < 2; ++round) {
    bool any = false;
    for (PGresult* next = nullptr;;) {
      co_await result_arrived();
      if ((next = PQgetResult(conn)) == nullptr) break;
      any = true;
      if (failed) {  // the first error is the one to report
        PQclear(next);
        continue;
      }
      failed = !detail::succeeded(next);
      prepare_failed = failed && round == 0;
      kept.reset(next);
    }
    if (!any) {  // libpq and sent_ disagree: never reuse this connection
      retired_ = true;
      detail::raise_lost(conn);
    }
  }
  if (sent.ends_batch) {
    co_await result_arrived();
    PGresult* end = PQgetResult(conn);
    const bool in_step = end != nullptr && PQresultStatus(end) == PGRES_PIPELINE_SYNC;
    PQclear(end);
    if (!in_step) {
      retired_ = true;
      detail::raise_lost(conn);
    }
  }
  if (!failed) co_return Result(kept.release());
  if (prepare_failed) forget(sent.sql, sent.name);  // failed or never ran: the name is not on the server
  if (PQresultStatus(kept.get()) == PGRES_PIPELINE_ABORTED) throw detail::PipelineAborted();
  try {
    detail::raise(conn, kept.get());
  } catch (const Error& error) {
    if (is_read_only_server(error)) retired_ = true;
    if (detail::is_stale_plan(error)) forget(sent.sql, sent.name);
    throw;
  }
}

void Connection::exit_pipeline() {
  if (PQexitPipelineMode(conn_.get()) == 0) retired_ = true;
}

bool Connection::reusable() {
  PGconn* conn = conn_.get();
  if (conn == nullptr) return false;
  // A server that ended the session while we were idle left an error message and EOF behind: read both.
  for (int round = 0; round < 2 && PQstatus(conn) == CONNECTION_OK && readable_now(PQsocket(conn)); ++round) {
    if (PQconsumeInput(conn) == 0) break;
  }
  return !retired_ && PQstatus(conn) == CONNECTION_OK && PQtransactionStatus(conn) == PQTRANS_IDLE &&
         PQpipelineStatus(conn) == PQ_PIPELINE_OFF;
}

}  // namespace pg

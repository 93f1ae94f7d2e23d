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
    bool stale = false;
    try {
      co_return co_await execute(name, sql, params);
    } catch (const Error& error) {
      // A server that became a standby (a failover): this connection will never write again.
      if (is_read_only_server(error)) read_only_ = true;
      // "cached plan must not change result type": a migration changed what the statement returns.
      stale = error.sqlstate == "0A000" && !name.empty();
      if (!stale) throw;
      prepared_.erase(sql);
      if (attempt > 0 || PQtransactionStatus(conn_.get()) != PQTRANS_IDLE) throw;
    }
  }
}

asio::awaitable<std::string> Connection::prepared(const std::string& sql, int parameters) {
  if (const auto known = prepared_.find(sql); known != prepared_.end()) co_return known->second;
  if (prepared_.size() >= max_prepared) co_return std::string{};
  std::string name = "s" + std::to_string(std::hash<std::string>{}(sql)) + "_" + std::to_string(generation_++);
  if (PQsendPrepare(conn_.get(), name.c_str(), sql.c_str(), parameters, nullptr) == 0) {
    detail::raise(conn_.get(), nullptr);
  }
  co_await flush();
  co_await collect();
  prepared_.emplace(sql, name);
  co_return name;
}

asio::awaitable<Result> Connection::execute(const std::string& name, const std::string& sql, const Params& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& param : params) values.push_back(param ? param->c_str() : nullptr);
  const int count = static_cast<int>(values.size());
  // Always the extended protocol, so parameters are bound and never spliced into the SQL.
  const int sent = name.empty()
                       ? PQsendQueryParams(conn_.get(), sql.c_str(), count, nullptr, values.data(), nullptr, nullptr, 0)
                       : PQsendQueryPrepared(conn_.get(), name.c_str(), count, values.data(), nullptr, nullptr, 0);
  if (sent == 0) detail::raise(conn_.get(), nullptr);
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

asio::awaitable<Result> Connection::collect() {
  PGconn* conn = conn_.get();
  std::unique_ptr<PGresult, decltype(&PQclear)> kept(nullptr, &PQclear);
  bool failed = false;
  for (;;) {
    while (PQisBusy(conn) != 0) {
      co_await socket_.async_wait(Wait::wait_read, asio::use_awaitable);
      if (PQconsumeInput(conn) == 0) detail::raise_lost(conn);
    }
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

bool Connection::reusable() {
  PGconn* conn = conn_.get();
  if (conn == nullptr) return false;
  // A server that ended the session while we were idle left an error message and EOF behind: read both.
  for (int round = 0; round < 2 && PQstatus(conn) == CONNECTION_OK && readable_now(PQsocket(conn)); ++round) {
    if (PQconsumeInput(conn) == 0) break;
  }
  return !read_only_ && PQstatus(conn) == CONNECTION_OK && PQtransactionStatus(conn) == PQTRANS_IDLE;
}

}  // namespace pg

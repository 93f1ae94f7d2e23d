#include "connection.hpp"

#include "dispatch.hpp"
#include "http/json_response.hpp"
#include "request_id.hpp"
#include "wire.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>

#include <array>
#include <cmath>
#include <optional>

#include "logging/fields.hpp"

namespace http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

// g++ 12 miscompiles co_await inside an if condition and braced temporaries passed to a coroutine in a
// co_await expression, so results are bound to named locals first throughout.
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
constexpr std::size_t read_size = 4096;  // one read: a whole request's header, usually
using RequestParser = bhttp::request_parser<bhttp::string_body>;
// After an error answer we drain unread input for a while, so the client sees the answer rather than a reset.
constexpr std::chrono::seconds linger_time{1};
constexpr std::size_t linger_bytes = 1024 * 1024;

// Keeps the connection in the server's registry for the lifetime of its coroutine.
class Registration {
 public:
  Registration(Server::State& state, std::shared_ptr<Connection> connection)
      : state_(state), id_(state.add_connection(std::move(connection))) {}
  ~Registration() { state_.remove_connection(id_); }
  Registration(const Registration&) = delete;
  Registration& operator=(const Registration&) = delete;

 private:
  Server::State& state_;
  std::uint64_t id_;
};

// The access line of design §9 (structured: logging::Field each), then the exchange hook.
void finish_exchange(const Server::State& state, Exchange exchange, std::string_view target, Clock::time_point start) {
  exchange.path = target.substr(0, target.find('?'));
  const std::chrono::duration<double, std::milli> latency = Clock::now() - start;
  exchange.latency_ms = std::round(latency.count() * 1000) / 1000;
  const std::array<logging::Field, 8> fields{{{"method", exchange.method},
                                              {"route", exchange.route},
                                              {"path", exchange.path},
                                              {"status", std::int64_t{exchange.status}},
                                              {"latency_ms", exchange.latency_ms},
                                              {"request_id", exchange.request_id},
                                              {"remote", exchange.remote},
                                              {"bytes", static_cast<std::int64_t>(exchange.bytes)}}};
  logging::log_with_fields(*state.web_log, spdlog::level::info, "request", fields);
  if (state.hooks.on_exchange) state.hooks.on_exchange(exchange);
}

std::string remote_address(const tcp::socket& socket) {
  beast::error_code ec;
  const auto endpoint = socket.remote_endpoint(ec);
  return ec ? std::string{"-"} : endpoint.address().to_string();
}

// The answer to a request that could not be read, or nullopt when the connection should just close.
std::optional<Response> answer_read_error(const beast::error_code& ec) {
  if (ec == bhttp::error::body_limit) return error(Status::payload_too_large, "request body too large");
  if (ec == bhttp::error::header_limit) {
    return error(Status::request_header_fields_too_large, "request header too large");
  }
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return std::nullopt;
  if (ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category()) {
    return error(Status::bad_request, "bad request");
  }
  return std::nullopt;  // timeout or a network error
}

// Sends the answer's bytes at once when the socket takes them all (the usual case: no suspension, no
// timer), else waits for the rest for up to `timeout`.
asio::awaitable<beast::error_code> send(Connection& connection, const Response& response, unsigned version,
                                        bool keep_alive, std::string_view request_id,
                                        std::chrono::milliseconds timeout) {
  const std::string bytes = serialize(response, version, keep_alive, request_id);
  beast::error_code ec;
  const std::size_t sent = connection.socket.send(asio::buffer(bytes), 0, ec);  // the socket is non-blocking
  if (ec == asio::error::would_block) ec = {};
  if (ec || sent == bytes.size()) co_return ec;
  connection.deadline.expire_after(timeout);
  auto [write_ec, written] = co_await asio::async_write(connection.socket, asio::buffer(bytes) + sent, use_tuple);
  connection.deadline.clear();
  co_return connection.deadline.expired() ? beast::error::timeout : write_ec;
}

// Parses what `buffer` holds into `parser` and reads more until the request is complete; the whole request
// must arrive within `timeout` of the first read it needs. Errors are Beast's (end_of_stream, header_limit,
// body_limit, timeout, ...).
asio::awaitable<beast::error_code> read_request(Connection& connection, beast::flat_buffer& buffer,
                                                RequestParser& parser, std::chrono::milliseconds timeout) {
  bool waited = false;
  beast::error_code ec;
  while (!parser.is_done()) {
    const std::size_t used = buffer.size() == 0 ? 0 : parser.put(buffer.data(), ec);
    buffer.consume(used);
    if (ec && ec != bhttp::error::need_more) break;
    ec = {};
    if (used > 0 && buffer.size() > 0) continue;  // more to parse (the body after the header)
    if (parser.is_done()) break;
    if (!waited) connection.deadline.expire_after(timeout);
    waited = true;
    if (connection.deadline.expired()) {
      ec = beast::error::timeout;
      break;
    }
    auto [read_ec, n] = co_await connection.socket.async_read_some(buffer.prepare(read_size), use_tuple);
    buffer.commit(n);
    if (read_ec == asio::error::eof) {
      if (!parser.got_some()) {
        ec = bhttp::error::end_of_stream;
      } else {
        parser.put_eof(ec);
      }
      break;
    }
    if (read_ec) {
      ec = connection.deadline.expired() ? beast::error::timeout : read_ec;
      break;
    }
  }
  if (waited) connection.deadline.clear();
  co_return ec;
}

asio::awaitable<void> linger_close(std::shared_ptr<Connection> connection) {
  beast::error_code ignored;
  connection->socket.shutdown(tcp::socket::shutdown_send, ignored);
  connection->deadline.expire_after(linger_time);
  std::array<char, 4096> scratch{};
  for (std::size_t total = 0; total < linger_bytes;) {
    auto [ec, n] = co_await connection->socket.async_read_some(asio::buffer(scratch), use_tuple);
    if (ec) break;
    total += n;
  }
}

}  // namespace

asio::awaitable<void> serve_connection(std::shared_ptr<Server::State> state, const Router& router, tcp::socket socket) {
  beast::error_code ignored;
  socket.set_option(tcp::no_delay(true), ignored);
  socket.non_blocking(true, ignored);
  const std::string remote = remote_address(socket);
  auto connection = std::make_shared<Connection>(std::move(socket));
  const Registration registration{*state, connection};
  const ServerOptions& options = state->options;
  beast::flat_buffer buffer;
  for (;;) {
    if (buffer.size() == 0) {  // idle between requests: stop() may close us here
      if (state->stopping) break;
      connection->idle = true;
      connection->deadline.expire_after(options.idle_timeout);
      auto [idle_ec, n] = co_await connection->socket.async_read_some(buffer.prepare(read_size), use_tuple);
      connection->deadline.clear();
      connection->idle = false;
      if (idle_ec) break;
      buffer.commit(n);
    }
    const auto start = Clock::now();
    RequestParser parser;
    parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
    parser.body_limit(options.body_limit);
    parser.eager(true);
    const auto read_ec = co_await read_request(*connection, buffer, parser, options.read_timeout);
    if (read_ec) {
      auto answer = answer_read_error(read_ec);
      if (!answer) break;
      const std::string request_id = request_id_for(parser.get());
      const bool has_header = parser.is_header_done();
      finish_exchange(*state,
                      {.method = has_header ? std::string_view{parser.get().method_string()} : "-",
                       .route = "-",
                       .path = {},
                       .status = static_cast<unsigned>(answer->result()),
                       .request_id = request_id,
                       .remote = remote,
                       .bytes = answer->body().size()},
                      has_header ? std::string_view{parser.get().target()} : "-", start);
      const unsigned version = has_header ? parser.get().version() : 11;
      const auto write_ec = co_await send(*connection, *answer, version, false, request_id, options.write_timeout);
      if (!write_ec) co_await linger_close(connection);
      break;
    }
    Request request = parser.release();
    const std::string method{request.method_string()};
    const std::string target{request.target()};
    const unsigned version = request.version();
    const bool keep_alive = request.keep_alive();
    std::string request_id = request_id_for(request);
    // RFC 9112 §3.2: an HTTP/1.1 request without Host is answered 400, and the connection closed.
    const bool has_host = version < 11 || request.find(Field::host) != request.end();
    Dispatched dispatched;
    if (has_host) {
      dispatched = co_await dispatch(router, state->hooks, *state->web_log, std::move(request), request_id, remote);
    } else {
      dispatched = {error(Status::bad_request, "missing Host header"), "-"};
    }
    const auto& [response, route] = dispatched;
    const bool stay_open = keep_alive && has_host && !state->stopping;
    finish_exchange(*state,
                    {.method = method,
                     .route = route,
                     .path = {},
                     .status = static_cast<unsigned>(response.result()),
                     .request_id = request_id,
                     .remote = remote,
                     .bytes = response.body().size()},
                    target, start);
    const auto write_ec = co_await send(*connection, response, version, stay_open, request_id, options.write_timeout);
    if (write_ec || !stay_open) break;
  }
  connection->socket.shutdown(tcp::socket::shutdown_send, ignored);
}

}  // namespace http

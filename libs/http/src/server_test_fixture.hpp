// The server tests' fixture: a Server on 127.0.0.1 with a few handlers, and a tiny blocking client.
#pragma once

#include "http/server.hpp"

#include "http/json_response.hpp"
#include "logging/json_formatter.hpp"

#include <gtest/gtest.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <sys/socket.h>
#include <sys/time.h>

#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace http::server_test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

inline asio::awaitable<Response> hello(RequestContext) { co_return success(Status::ok, "greeting", "hi"); }

inline asio::awaitable<Response> item(RequestContext context) {
  co_return success(Status::ok, "id", boost::json::string(context.params.get("id")));
}

inline asio::awaitable<Response> echo_size(RequestContext context) {
  co_return success(Status::ok, "size", context.request.body().size());
}

inline asio::awaitable<Response> boom(RequestContext) {
  throw std::runtime_error("secret-detail-xyz");
  co_return error(Status::ok, "unreachable");
}

// What a dependency outage looks like to the server: an exception its answer_failure hook recognises.
struct DependencyDown : std::runtime_error {
  DependencyDown() : std::runtime_error("dependency down") {}
};

inline asio::awaitable<Response> unavailable(RequestContext) {
  throw DependencyDown();
  co_return error(Status::ok, "unreachable");
}

inline asio::awaitable<Response> slow(RequestContext) {
  asio::steady_timer timer{co_await asio::this_coro::executor, 300ms};
  co_await timer.async_wait(asio::use_awaitable);
  co_return success(Status::ok, "slow", true);
}

// An answer larger than the sockets' buffers: a client that does not read it leaves the write waiting.
inline asio::awaitable<Response> big(RequestContext) {
  Response response{Status::ok, 11};
  response.body() = std::string(64 * 1024 * 1024, 'x');
  co_return response;
}

inline asio::awaitable<Response> raw(RequestContext) {
  Response response{Status::ok, 11};
  response.body() = "raw";
  co_return response;
}

// A blocking HTTP client on its own socket; reads fail after 3 s instead of hanging a broken test.
class Client {
 public:
  explicit Client(std::uint16_t port) {
    socket_.connect({asio::ip::make_address("127.0.0.1"), port});
    const timeval timeout{3, 0};
    ::setsockopt(socket_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }

  Response send(Request request) {
    request.version(11);
    request.set(Field::host, "localhost");
    request.prepare_payload();
    bhttp::write(socket_, request);
    return receive();
  }

  void send_raw(std::string_view bytes) { asio::write(socket_, asio::buffer(bytes)); }

  Response receive() {
    Response response;
    bhttp::read(socket_, buffer_, response);
    return response;
  }

  bool closed_by_peer() {
    char byte = 0;
    beast::error_code ec;
    socket_.read_some(asio::buffer(&byte, 1), ec);
    return ec == asio::error::eof || ec == asio::error::connection_reset;
  }

 private:
  asio::io_context io_;
  tcp::socket socket_{io_};
  beast::flat_buffer buffer_;
};

inline Request make_request(Verb verb, std::string target, std::string body = {}) {
  Request request{verb, target, 11};
  request.body() = std::move(body);
  return request;
}

inline bool connection_refused(std::uint16_t port) {
  asio::io_context io;
  tcp::socket socket{io};
  beast::error_code ec;
  socket.connect({asio::ip::make_address("127.0.0.1"), port}, ec);
  return ec == asio::error::connection_refused;
}

// Polls `condition` for up to two seconds: stop() takes effect asynchronously.
template <typename Condition>
bool eventually(Condition condition) {
  for (int i = 0; i < 200; ++i) {
    if (condition()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return false;
}

inline ServerOptions loopback_options() {
  ServerOptions options;
  options.address = "127.0.0.1";
  return options;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(log_stream_);
    logger_ = std::make_shared<spdlog::logger>("web", sink);
    logger_->set_formatter(logging::make_text_formatter());
    Router router;
    router.add(Verb::get, "/hello", hello);
    router.add(Verb::get, "/items/{id}", item);
    router.add(Verb::post, "/echo", echo_size);
    router.add(Verb::get, "/boom", boom);
    router.add(Verb::get, "/slow", slow);
    router.add(Verb::get, "/raw", raw);
    router.add(Verb::get, "/big", big);
    router.add(Verb::get, "/unavailable", unavailable);
    ServerHooks hooks;
    hooks.answer_failure = [](const std::exception& failure, std::string_view) -> std::optional<Response> {
      if (dynamic_cast<const DependencyDown*>(&failure) == nullptr) return std::nullopt;
      return error(Status::service_unavailable, "try later");
    };
    hooks.on_exchange = [this](const Exchange& exchange) {
      const std::lock_guard lock{exchanges_mutex_};
      exchanges_.push_back(std::string(exchange.method) + " " + std::string(exchange.route) + " " +
                           std::to_string(exchange.status));
    };
    std::vector<Shard> shards;
    shards.push_back({io_, std::move(router)});
    server_ = std::make_unique<Server>(std::move(shards), options_, logger_, std::move(hooks));
    port_ = server_->start();
    runner_ = std::thread{[this] { io_.run(); }};
  }

  void TearDown() override {
    server_->stop();
    io_.stop();
    runner_.join();
  }

  std::string log_text() {
    logger_->flush();
    return log_stream_.str();
  }

  std::vector<std::string> exchanges() {
    const std::lock_guard lock{exchanges_mutex_};
    return exchanges_;
  }

  ServerOptions options_ = loopback_options();  // a derived fixture may change it before SetUp
  asio::io_context io_;
  std::mutex exchanges_mutex_;
  std::vector<std::string> exchanges_;  // "METHOD route status" per on_exchange call
  std::ostringstream log_stream_;
  std::shared_ptr<spdlog::logger> logger_;
  std::unique_ptr<Server> server_;
  std::uint16_t port_ = 0;
  std::thread runner_;
};

}  // namespace http::server_test

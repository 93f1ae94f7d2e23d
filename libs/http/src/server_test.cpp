#include "http/server.hpp"

#include "http/json_response.hpp"

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
#include <gtest/gtest.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>

#include <sys/socket.h>
#include <sys/time.h>

#include <sstream>
#include <stdexcept>
#include <thread>

namespace http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

asio::awaitable<Response> hello(RequestContext) { co_return success(Status::ok, "greeting", "hi"); }

asio::awaitable<Response> item(RequestContext context) {
  co_return success(Status::ok, "id", boost::json::string(context.params.get("id")));
}

asio::awaitable<Response> echo_size(RequestContext context) {
  co_return success(Status::ok, "size", context.request.body().size());
}

asio::awaitable<Response> boom(RequestContext) {
  throw std::runtime_error("secret-detail-xyz");
  co_return error(Status::ok, "unreachable");
}

asio::awaitable<Response> slow(RequestContext) {
  asio::steady_timer timer{co_await asio::this_coro::executor, 300ms};
  co_await timer.async_wait(asio::use_awaitable);
  co_return success(Status::ok, "slow", true);
}

asio::awaitable<Response> raw(RequestContext) {
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

Request make_request(Verb verb, std::string target, std::string body = {}) {
  Request request{verb, target, 11};
  request.body() = std::move(body);
  return request;
}

bool connection_refused(std::uint16_t port) {
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

class ServerTest : public ::testing::Test {
protected:
  void SetUp() override {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(log_stream_);
    logger_ = std::make_shared<spdlog::logger>("web", sink);
    logger_->set_pattern("%l %v");
    Router router;
    router.add(Verb::get, "/hello", hello);
    router.add(Verb::get, "/items/{id}", item);
    router.add(Verb::post, "/echo", echo_size);
    router.add(Verb::get, "/boom", boom);
    router.add(Verb::get, "/slow", slow);
    router.add(Verb::get, "/raw", raw);
    ServerOptions options;
    options.address = "127.0.0.1";
    server_ = std::make_unique<Server>(io_, options, std::move(router), logger_);
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

  asio::io_context io_;
  std::ostringstream log_stream_;
  std::shared_ptr<spdlog::logger> logger_;
  std::unique_ptr<Server> server_;
  std::uint16_t port_ = 0;
  std::thread runner_;
};

TEST_F(ServerTest, GetReturnsHandlerResponse) {
  Client client{port_};
  const Response response = client.send(make_request(Verb::get, "/hello"));
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(response.body(), R"({"status":"success","greeting":"hi"})");
  EXPECT_EQ(response[Field::content_type], "application/json");
  EXPECT_EQ(response.count(Field::server), 0U);
  EXPECT_EQ(response["X-Request-Id"].size(), 16U);
}

TEST_F(ServerTest, SetsContentLengthOfHandlerBuiltResponse) {
  Client client{port_};
  const Response response = client.send(make_request(Verb::get, "/raw"));
  EXPECT_EQ(response[Field::content_length], "3");
  EXPECT_EQ(response.body(), "raw");
  EXPECT_EQ(client.send(make_request(Verb::get, "/hello")).result(), Status::ok);
}

TEST_F(ServerTest, PassesPathParameters) {
  Client client{port_};
  const Response response = client.send(make_request(Verb::get, "/items/42?verbose=1"));
  EXPECT_EQ(response.body(), R"({"status":"success","id":"42"})");
}

TEST_F(ServerTest, UnknownPathIs404) {
  Client client{port_};
  const Response response = client.send(make_request(Verb::get, "/nowhere"));
  EXPECT_EQ(response.result(), Status::not_found);
  EXPECT_EQ(response.body(), R"({"status":"error","message":"not found"})");
}

TEST_F(ServerTest, WrongMethodIs405WithAllow) {
  Client client{port_};
  const Response response = client.send(make_request(Verb::post, "/hello"));
  EXPECT_EQ(response.result(), Status::method_not_allowed);
  EXPECT_EQ(response.body(), R"({"status":"error","message":"method not allowed"})");
  EXPECT_EQ(response[Field::allow], "GET");
}

TEST_F(ServerTest, BodyAtLimitIsAccepted) {
  Client client{port_};
  const Response response = client.send(make_request(Verb::post, "/echo", std::string(16 * 1024, 'x')));
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(response.body(), R"({"status":"success","size":16384})");
}

TEST_F(ServerTest, BodyOverLimitIs413ThenClose) {
  Client client{port_};
  const Response response = client.send(make_request(Verb::post, "/echo", std::string(64 * 1024, 'x')));
  EXPECT_EQ(response.result(), Status::payload_too_large);
  EXPECT_EQ(response.body(), R"({"status":"error","message":"request body too large"})");
  EXPECT_FALSE(response.keep_alive());
  EXPECT_TRUE(client.closed_by_peer());
}

TEST_F(ServerTest, HeaderOverLimitIs431) {
  Client client{port_};
  Request request = make_request(Verb::get, "/hello");
  request.set("X-Big", std::string(9 * 1024, 'h'));
  const Response response = client.send(std::move(request));
  EXPECT_EQ(response.result(), Status::request_header_fields_too_large);
  EXPECT_TRUE(client.closed_by_peer());
}

TEST_F(ServerTest, MalformedRequestIs400ThenClose) {
  Client client{port_};
  client.send_raw("GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n");
  const Response response = client.receive();
  EXPECT_EQ(response.result(), Status::bad_request);
  EXPECT_TRUE(client.closed_by_peer());
}

TEST_F(ServerTest, HandlerExceptionIs500WithoutDetails) {
  Client client{port_};
  const Response response = client.send(make_request(Verb::get, "/boom"));
  EXPECT_EQ(response.result(), Status::internal_server_error);
  EXPECT_EQ(response.body(), R"({"status":"error","message":"internal error"})");
  EXPECT_EQ(response.body().find("secret"), std::string::npos);
  EXPECT_NE(log_text().find("error handler failed rid="), std::string::npos);
  EXPECT_NE(log_text().find("secret-detail-xyz"), std::string::npos);
  EXPECT_EQ(client.send(make_request(Verb::get, "/hello")).result(), Status::ok);  // connection survives
}

TEST_F(ServerTest, EchoesSaneRequestIdAndReplacesOthers) {
  Client client{port_};
  Request sane = make_request(Verb::get, "/hello");
  sane.set("X-Request-Id", "trace-42.a_b");
  EXPECT_EQ(client.send(std::move(sane))["X-Request-Id"], "trace-42.a_b");
  Request insane = make_request(Verb::get, "/hello");
  insane.set("X-Request-Id", "bad id; drop table");
  const auto replaced = client.send(std::move(insane))["X-Request-Id"];
  EXPECT_EQ(replaced.size(), 16U);
  EXPECT_NE(replaced, "bad id; drop table");
}

TEST_F(ServerTest, WritesOneAccessLineWithoutQuery) {
  Client client{port_};
  Request request = make_request(Verb::get, "/items/7?token=hidden");
  request.set("X-Request-Id", "rid-1");
  client.send(std::move(request));
  const std::string log = log_text();
  EXPECT_NE(log.find("info GET /items/7 200 "), std::string::npos) << log;
  EXPECT_NE(log.find("ms rid=rid-1"), std::string::npos) << log;
  EXPECT_EQ(log.find("hidden"), std::string::npos) << log;
}

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  Client client{port_};
  EXPECT_EQ(client.send(make_request(Verb::get, "/hello")).result(), Status::ok);
  const Response second = client.send(make_request(Verb::get, "/items/2"));
  EXPECT_EQ(second.result(), Status::ok);
  EXPECT_TRUE(second.keep_alive());
  EXPECT_EQ(server_->active_connections(), 1U);
}

TEST_F(ServerTest, StopRefusesNewConnections) {
  EXPECT_FALSE(connection_refused(port_));
  server_->stop();
  EXPECT_TRUE(eventually([&] { return connection_refused(port_); }));
}

TEST_F(ServerTest, StopClosesIdleKeepAliveConnections) {
  Client client{port_};
  EXPECT_EQ(client.send(make_request(Verb::get, "/hello")).result(), Status::ok);
  server_->stop();
  EXPECT_TRUE(client.closed_by_peer());
  EXPECT_TRUE(eventually([&] { return server_->active_connections() == 0; }));
}

TEST_F(ServerTest, StopLetsInFlightRequestFinish) {
  Client client{port_};
  client.send_raw("GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n");
  std::this_thread::sleep_for(100ms);
  server_->stop();
  const Response response = client.receive();
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_FALSE(response.keep_alive());
  EXPECT_TRUE(client.closed_by_peer());
}

}  // namespace
}  // namespace http

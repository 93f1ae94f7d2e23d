// Fuzz target: bytes sent to a real http::Server over loopback, read as it reads them (Beast's parser with
// the server's header and body limits, keep-alive, the router, path parameters, a JSON body handler, the
// access log). Input: what a client writes on one connection, then it shuts its sending side.
//
// The server and the client share one io_context run on the fuzzer's thread, so each input is served to the
// end (no connection left) before the next starts, and coverage belongs to the input that produced it. As the
// client has shut its sending side, the server's 1 s linger after an error answer ends at once (it reads EOF).
#include <spdlog/logger.h>
#include <spdlog/sinks/base_sink.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <string_view>

#include "http/field_reader.hpp"
#include "http/json_response.hpp"
#include "http/server.hpp"
#include "logging/json_formatter.hpp"

namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

// Formats each line as the services' JSON log does, then drops it.
class DiscardSink final : public spdlog::sinks::base_sink<spdlog::details::null_mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    spdlog::memory_buf_t line;
    formatter_->format(message, line);
  }
  void flush_() override {}
};

asio::awaitable<http::Response> get_item(http::RequestContext context) {
  co_return http::success(http::Status::ok, "id", boost::json::string(context.params.get("id")));
}

// A create handler shaped like the services' ones: JSON object body, FieldReader rules, 400 with the errors.
asio::awaitable<http::Response> create_item(http::RequestContext context) {
  auto body = http::parse_json_object(context.request.body());
  if (!body) co_return http::error(http::Status::bad_request, "malformed JSON");
  http::FieldReader reader{*body};
  auto name = reader.text("name", http::Presence::required, [](const std::string& value) -> std::optional<std::string> {
    const auto length = http::code_points(value);
    if (length >= 1 && length <= 100) return std::nullopt;
    return "must be 1-100 characters";
  });
  auto count = reader.integer("count", http::Presence::optional, 1, 1000);
  auto active = reader.boolean("active", http::Presence::optional);
  if (reader.failed()) co_return http::validation_error(std::move(reader).errors());
  boost::json::object item{{"name", *name}, {"count", count.value_or(1)}, {"active", active.value_or(true)}};
  co_return http::success(http::Status::created, "item", std::move(item));
}

asio::awaitable<http::Response> me(http::RequestContext context) {
  if (!http::bearer_token(context.request)) co_return http::error(http::Status::unauthorized, "unauthorized");
  co_return http::success(http::Status::ok, "user", boost::json::object{});
}

// One server for the whole run: default limits but a 1 KiB body limit (so 413 is reachable), short timeouts.
struct Fixture {
  Fixture() {
    auto sink = std::make_shared<DiscardSink>();
    sink->set_formatter(logging::make_json_formatter());
    http::Router router;
    router.add(http::Verb::get, "/items/{id}", get_item);
    router.add(http::Verb::post, "/items", create_item);
    router.add(http::Verb::get, "/me", me);
    http::ServerOptions options;
    options.address = "127.0.0.1";
    options.body_limit = 1024;
    options.read_timeout = options.write_timeout = options.idle_timeout = 1s;
    std::vector<http::Shard> shards;
    shards.push_back({io, std::move(router)});
    server = std::make_unique<http::Server>(std::move(shards), options,
                                            std::make_shared<spdlog::logger>("web", std::move(sink)));
    endpoint = {asio::ip::make_address("127.0.0.1"), server->start()};
  }

  asio::io_context io;
  std::unique_ptr<http::Server> server;
  tcp::endpoint endpoint;
};

// Writes `bytes`, shuts the sending side, reads until the server closes. Errors after the connect are expected
// (the server may close first).
asio::awaitable<void> exchange(tcp::endpoint endpoint, std::string_view bytes) {
  boost::beast::tcp_stream client{co_await asio::this_coro::executor};
  client.expires_after(5s);  // beyond the server's timeouts: only a hang reaches it
  co_await client.async_connect(endpoint, asio::use_awaitable);
  co_await asio::async_write(client, asio::buffer(bytes), use_tuple);
  boost::system::error_code ignored;
  client.socket().shutdown(tcp::socket::shutdown_send, ignored);
  std::array<char, 4096> scratch{};
  for (;;) {
    auto [read_ec, n] = co_await client.async_read_some(asio::buffer(scratch), use_tuple);
    if (read_ec) break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Fixture fixture;
  bool done = false;
  asio::co_spawn(fixture.io, exchange(fixture.endpoint, {reinterpret_cast<const char*>(data), size}),
                 [&done](std::exception_ptr failure) {
                   if (failure) std::rethrow_exception(failure);  // the connect failed: a broken setup
                   done = true;
                 });
  while (!done || fixture.server->active_connections() > 0) fixture.io.run_one();
  return 0;
}

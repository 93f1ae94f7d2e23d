#pragma once
// Internal: what the accept loop and the connection coroutines share; kept alive by them via shared_ptr.

#include "http/server.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <unordered_map>

namespace http {

// One accepted connection. `idle` and the stream are touched only on the stream's strand.
struct Connection {
  explicit Connection(boost::asio::ip::tcp::socket socket) : stream(std::move(socket)) {}
  boost::beast::tcp_stream stream;
  bool idle = false;  // waiting for the first byte of the next request
};

struct Server::State {
  State(boost::asio::io_context& io_context, ServerOptions server_options, Router server_router,
        std::shared_ptr<spdlog::logger> log)
      : io(io_context),
        options(std::move(server_options)),
        router(std::move(server_router)),
        web_log(std::move(log)),
        acceptor(boost::asio::make_strand(io_context)) {}

  // Registry of live connections, so that stop() can close the idle ones.
  std::uint64_t add_connection(std::shared_ptr<Connection> connection);
  void remove_connection(std::uint64_t id);
  void close_idle_connections();
  std::size_t connection_count() const;

  boost::asio::io_context& io;
  const ServerOptions options;
  const Router router;
  const std::shared_ptr<spdlog::logger> web_log;
  boost::asio::ip::tcp::acceptor acceptor;  // used only on its strand
  std::atomic<bool> stopping{false};

private:
  mutable std::mutex mutex_;
  std::uint64_t next_id_ = 0;
  std::unordered_map<std::uint64_t, std::shared_ptr<Connection>> connections_;
};

}  // namespace http

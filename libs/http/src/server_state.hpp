#pragma once
// Internal: what the accept loop and the connection coroutines share; kept alive by them via shared_ptr.

#include "deadline.hpp"
#include "http/server.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace http {

// One accepted connection. Touched only on its shard's thread.
struct Connection {
  explicit Connection(boost::asio::ip::tcp::socket accepted) : socket(std::move(accepted)), deadline(socket) {}
  boost::asio::ip::tcp::socket socket;
  Deadline deadline;  // of the current wait
  bool idle = false;  // waiting for the first byte of the next request
};

struct Server::State {
  State(std::vector<Shard> server_shards, ServerOptions server_options, std::shared_ptr<spdlog::logger> log,
        ServerHooks server_hooks)
      : shards(std::move(server_shards)),
        options(std::move(server_options)),
        web_log(std::move(log)),
        hooks(std::move(server_hooks)),
        acceptor(shards.at(0).io) {}

  // Registry of live connections, so that stop() can close the idle ones.
  std::uint64_t add_connection(std::shared_ptr<Connection> connection);
  void remove_connection(std::uint64_t id);
  void close_idle_connections();
  std::size_t connection_count() const;

  const std::vector<Shard> shards;
  const ServerOptions options;
  const std::shared_ptr<spdlog::logger> web_log;
  const ServerHooks hooks;
  boost::asio::ip::tcp::acceptor acceptor;  // used only on the first shard's thread
  std::atomic<bool> stopping{false};

 private:
  mutable std::mutex mutex_;
  std::uint64_t next_id_ = 0;
  std::unordered_map<std::uint64_t, std::shared_ptr<Connection>> connections_;
};

}  // namespace http

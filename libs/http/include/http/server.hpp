#pragma once
// The HTTP/1.1 server: one coroutine per connection, requests dispatched through a Router. Connections
// are spread round-robin over shards, each an io_context run by exactly one thread (no locks, no strands).

#include "http/router.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <spdlog/fwd.h>

namespace boost::asio {
class io_context;
}

namespace http {

struct ServerOptions {
  std::string address = "0.0.0.0";
  std::uint16_t port = 0;                              // 0 = an ephemeral port, reported by start()
  std::size_t body_limit = 16 * 1024;                  // larger bodies get 413
  std::size_t header_limit = 8 * 1024;                 // larger request headers get 431
  std::chrono::milliseconds read_timeout{10000};       // to receive one request once it has begun
  std::chrono::milliseconds write_timeout{10000};      // to send one response
  std::chrono::milliseconds idle_timeout{60000};       // keep-alive wait for the next request
  std::chrono::milliseconds shutdown_deadline{10000};  // for run_until_signal: how long in-flight work may take
};

// One answered request, as the access log line and the metrics see it.
struct Exchange {
  std::string_view method;
  std::string_view route;  // the matched pattern; "unmatched" when no route fits, "-" when unreadable
  std::string_view path;   // the target without its query
  unsigned status = 0;
  double latency_ms = 0;
  std::string_view request_id;
  std::string_view remote;  // the TCP peer's address
  std::size_t bytes = 0;    // response body bytes
};

// What the embedding program adds to the server.
struct ServerHooks {
  // The answer to an exception a handler threw (logged by the hook); nullopt: a bug, answered 500.
  std::function<std::optional<Response>(const std::exception& failure, std::string_view request_id)> answer_failure;
  // Called once per answered request, on the thread of the shard that served it.
  std::function<void(const Exchange& exchange)> on_exchange;
};

// One event loop of the server and the routes of the connections it serves.
struct Shard {
  boost::asio::io_context& io;  // run by one thread only
  Router router;
};

class Server {
 public:
  // Every request is logged on `web_log` (one info line each; handler exceptions at error). The first
  // shard also runs the accept loop.
  Server(std::vector<Shard> shards, ServerOptions options, std::shared_ptr<spdlog::logger> web_log,
         ServerHooks hooks = {});
  ~Server();  // calls stop()
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens (SO_REUSEADDR), spawns the accept loop; returns the bound port. Throws on bind failure.
  std::uint16_t start();
  // Stops accepting and closes idle keep-alive connections; in-flight requests finish, answered with
  // "Connection: close". Thread-safe; takes effect asynchronously on the shards.
  void stop();
  std::size_t active_connections() const;

  struct State;

 private:
  std::shared_ptr<State> state_;
};

}  // namespace http

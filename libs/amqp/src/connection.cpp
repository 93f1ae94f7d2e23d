#include "amqp/connection.hpp"

#include <amqp.h>
#include <amqp_framing.h>
#include <amqp_tcp_socket.h>

#include "config/list.hpp"
#include "connection_state.hpp"
#include "state.hpp"
#include "table.hpp"

#include <algorithm>
#include <atomic>
#include <random>
#include <vector>

namespace amqp {

namespace {

// The node a process tries first: starts random (spreading processes over the nodes), then the one after the
// node last connected to.
std::atomic<std::size_t> first_node{std::random_device{}()};

}  // namespace

Connection::Connection(const ConnectionOptions& options) {
  const auto uris = config::comma_list(options.uri);
  if (uris.empty()) throw Error("MQ_URI is empty");
  const auto start = first_node.load();
  std::string failures;
  for (std::size_t i = 0; i < uris.size(); ++i) {
    const auto node = (start + i) % uris.size();
    try {
      open(uris[node], options);
      first_node = node + 1;
      return;
    } catch (const Error& error) {
      failures += (failures.empty() ? "" : "; ") + std::string(error.what());
    }
  }
  throw Error(uris.size() == 1 ? failures : "no broker node answered: " + failures);
}

void Connection::open(std::string uri, const ConnectionOptions& options) {
  amqp_connection_info info{};
  if (amqp_parse_url(uri.data(), &info) != AMQP_STATUS_OK) throw Error("MQ_URI is not a valid amqp:// URI");
  state_ = std::make_unique<State>();
  state_->timeout = options.timeout;
  state_->handle = amqp_new_connection();
  if (!state_->handle) throw Error("out of memory");
  amqp_socket_t* socket = amqp_tcp_socket_new(state_->handle);
  if (!socket) throw Error("cannot create a socket");
  auto timeout = to_timeval(options.timeout);
  amqp_set_handshake_timeout(state_->handle, &timeout);
  amqp_set_rpc_timeout(state_->handle, &timeout);
  check_status(amqp_socket_open_noblock(socket, info.host, info.port, &timeout), "connect to broker");
  check(amqp_login(state_->handle, info.vhost, 0, 131072, static_cast<int>(options.heartbeat.count()),
                   AMQP_SASL_METHOD_PLAIN, info.user, info.password),
        "broker login");
  amqp_channel_open(state_->handle, channel);
  check(amqp_get_rpc_reply(state_->handle), "open channel");
  state_->healthy = true;
}

Connection::~Connection() = default;

void Connection::declare(const QueueSpec& queue) {
  Table arguments{queue.arguments};
  amqp_queue_declare(state_->handle, channel, amqp_cstring_bytes(queue.name.c_str()), 0, 1, 0, 0, arguments.get());
  check(amqp_get_rpc_reply(state_->handle), "declare queue");
}

void Connection::keep_alive() {
  amqp_frame_t frame{};
  timeval now{0, 0};
  const int status = amqp_simple_wait_frame_noblock(state_->handle, &frame, &now);
  if (status == AMQP_STATUS_TIMEOUT) return;
  if (status != AMQP_STATUS_OK) state_->healthy = false;
  check_status(status, "broker heartbeat");
  if (frame.frame_type == AMQP_FRAME_METHOD && (frame.payload.method.id == AMQP_CHANNEL_CLOSE_METHOD ||
                                                frame.payload.method.id == AMQP_CONNECTION_CLOSE_METHOD)) {
    state_->healthy = false;
    throw Error("the broker closed the connection");
  }
  // Anything else (a late confirm of a publish that already timed out) is of no use now.
}

std::uint32_t Connection::message_count(const std::string& queue) {
  auto* ok =
      amqp_queue_declare(state_->handle, channel, amqp_cstring_bytes(queue.c_str()), 1, 0, 0, 0, amqp_empty_table);
  check(amqp_get_rpc_reply(state_->handle), "inspect queue");
  return ok->message_count;
}

}  // namespace amqp

#include "amqp/connection.hpp"

#include <amqp.h>
#include <amqp_framing.h>
#include <amqp_tcp_socket.h>

#include "connection_state.hpp"
#include "state.hpp"
#include "table.hpp"

namespace amqp {

Connection::Connection(const ConnectionOptions& options) : state_(std::make_unique<State>()) {
  std::string buffer = options.uri;  // amqp_parse_url writes into its argument
  amqp_connection_info info{};
  if (amqp_parse_url(buffer.data(), &info) != AMQP_STATUS_OK) throw Error("MQ_URI is not a valid amqp:// URI");

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

std::uint32_t Connection::message_count(const std::string& queue) {
  auto* ok =
      amqp_queue_declare(state_->handle, channel, amqp_cstring_bytes(queue.c_str()), 1, 0, 0, 0, amqp_empty_table);
  check(amqp_get_rpc_reply(state_->handle), "inspect queue");
  return ok->message_count;
}

}  // namespace amqp

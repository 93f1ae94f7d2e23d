#include <amqp.h>
#include <amqp_framing.h>
#include <poll.h>

#include <cerrno>

#include "amqp/connection.hpp"
#include "connection_state.hpp"
#include "state.hpp"
#include "table.hpp"

namespace amqp {

void Connection::consume(const std::string& queue, std::uint16_t prefetch,
                         const std::map<std::string, Argument>& arguments) {
  amqp_basic_qos(state_->handle, channel, 0, prefetch, 0);
  check(amqp_get_rpc_reply(state_->handle), "set prefetch");
  const Table table{arguments};
  amqp_basic_consume(state_->handle, channel, amqp_cstring_bytes(queue.c_str()), amqp_empty_bytes, 0, 0, 0,
                     table.get());
  check(amqp_get_rpc_reply(state_->handle), "start consuming");
}

std::optional<Delivery> Connection::next_delivery(std::chrono::milliseconds timeout, int wake_fd) {
  try {
    amqp_maybe_release_buffers(state_->handle);
    const bool buffered = amqp_frames_enqueued(state_->handle) || amqp_data_in_buffer(state_->handle);
    if (!buffered) {
      // Sleep on the broker's socket and the caller's wake-up descriptor together.
      pollfd fds[2] = {{amqp_get_sockfd(state_->handle), POLLIN, 0}, {wake_fd, POLLIN, 0}};
      const int ready = ::poll(fds, wake_fd >= 0 ? 2 : 1, static_cast<int>(timeout.count()));
      if (ready < 0 && errno != EINTR) throw Error("poll on the broker connection failed");
      const bool readable = ready > 0 && (fds[0].revents & (POLLIN | POLLERR | POLLHUP));
      if (!readable && ready > 0) return std::nullopt;  // woken by wake_fd
      // Readable: the rest of a frame that has begun to arrive. Silent: a look that does not block, which
      // also sends a due heartbeat and notices the broker's missing ones.
      timeout = std::chrono::milliseconds(readable ? 1000 : 0);
    }
    amqp_envelope_t envelope{};
    auto tv = to_timeval(timeout);
    auto reply = amqp_consume_message(state_->handle, &envelope, &tv, 0);
    if (reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION && reply.library_error == AMQP_STATUS_TIMEOUT)
      return std::nullopt;
    if (reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION && reply.library_error == AMQP_STATUS_UNEXPECTED_STATE) {
      // A frame other than a delivery: a close ends the connection, anything else is skipped.
      amqp_frame_t frame{};
      check_status(amqp_simple_wait_frame(state_->handle, &frame), "read frame");
      if (frame.frame_type == AMQP_FRAME_METHOD && (frame.payload.method.id == AMQP_CHANNEL_CLOSE_METHOD ||
                                                    frame.payload.method.id == AMQP_CONNECTION_CLOSE_METHOD))
        throw Error("consume: the broker closed the channel");
      // The broker ended the subscription (the queue went away, or its leader did): consume again on a new
      // connection rather than wait for deliveries that will not come.
      if (frame.frame_type == AMQP_FRAME_METHOD && frame.payload.method.id == AMQP_BASIC_CANCEL_METHOD)
        throw Error("consume: the broker cancelled the consumer");
      return std::nullopt;
    }
    check(reply, "consume");
    Delivery delivery{.tag = envelope.delivery_tag,
                      .body = to_string(envelope.message.body),
                      .message_id = to_string(envelope.message.properties.message_id),
                      .type = to_string(envelope.message.properties.type),
                      .redelivered = envelope.redelivered != 0};
    amqp_destroy_envelope(&envelope);
    return delivery;
  } catch (const Error&) {
    state_->healthy = false;
    throw;
  }
}

void Connection::ack(std::uint64_t tag) { check_status(amqp_basic_ack(state_->handle, channel, tag, 0), "ack"); }

void Connection::reject(std::uint64_t tag, bool requeue) {
  check_status(amqp_basic_reject(state_->handle, channel, tag, requeue ? 1 : 0), "reject");
}

}  // namespace amqp

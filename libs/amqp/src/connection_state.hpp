#pragma once
#include <amqp.h>
#include <chrono>
#include <cstdint>

#include "amqp/connection.hpp"
#include "state.hpp"

namespace amqp {

// The one owner of the rabbitmq-c connection handle.
struct Connection::State {
  amqp_connection_state_t handle = nullptr;
  std::chrono::milliseconds timeout{};
  std::uint64_t next_publish_seq = 1;  // confirm-mode sequence number of the next publish
  bool healthy = false;                // false after any failure: closing politely would only wait for a timeout

  ~State() {
    if (healthy) {
      amqp_channel_close(handle, channel, AMQP_REPLY_SUCCESS);
      amqp_connection_close(handle, AMQP_REPLY_SUCCESS);
    }
    if (handle) amqp_destroy_connection(handle);
  }
};

}  // namespace amqp

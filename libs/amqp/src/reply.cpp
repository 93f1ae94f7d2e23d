#include <amqp.h>
#include <amqp_framing.h>

#include "amqp/types.hpp"
#include "state.hpp"

namespace amqp {

std::string to_string(amqp_bytes_t bytes) {
  return bytes.bytes ? std::string(static_cast<const char*>(bytes.bytes), bytes.len) : std::string{};
}

timeval to_timeval(std::chrono::milliseconds duration) {
  return timeval{.tv_sec = static_cast<time_t>(duration.count() / 1000),
                 .tv_usec = static_cast<suseconds_t>((duration.count() % 1000) * 1000)};
}

void check_status(int status, const char* what) {
  if (status < 0) throw Error(std::string(what) + ": " + amqp_error_string2(status));
}

void check(amqp_rpc_reply_t reply, const char* what) {
  switch (reply.reply_type) {
    case AMQP_RESPONSE_NORMAL:
      return;
    case AMQP_RESPONSE_NONE:
      throw Error(std::string(what) + ": missing RPC reply");
    case AMQP_RESPONSE_LIBRARY_EXCEPTION:
      throw Error(std::string(what) + ": " + amqp_error_string2(reply.library_error));
    case AMQP_RESPONSE_SERVER_EXCEPTION:
      break;
  }
  std::string text = "server closed the connection";
  if (reply.reply.id == AMQP_CHANNEL_CLOSE_METHOD)
    text = to_string(static_cast<amqp_channel_close_t*>(reply.reply.decoded)->reply_text);
  else if (reply.reply.id == AMQP_CONNECTION_CLOSE_METHOD)
    text = to_string(static_cast<amqp_connection_close_t*>(reply.reply.decoded)->reply_text);
  throw Error(std::string(what) + ": " + text);
}

}  // namespace amqp

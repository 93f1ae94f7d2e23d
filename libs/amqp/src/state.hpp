#pragma once
#include <amqp.h>
#include <chrono>
#include <cstdint>
#include <string>

namespace amqp {

// Throws amqp::Error describing a failed RPC reply, unless it is a success.
void check(amqp_rpc_reply_t reply, const char* what);
// Throws amqp::Error for a negative rabbitmq-c status code.
void check_status(int status, const char* what);
std::string to_string(amqp_bytes_t bytes);
timeval to_timeval(std::chrono::milliseconds duration);

constexpr amqp_channel_t channel = 1;

}  // namespace amqp

#pragma once
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <variant>

namespace amqp {

// The connection or channel failed; the caller drops the Connection and opens a new one.
struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// An AMQP timestamp (seconds since the Unix epoch), e.g. a stream offset.
struct Timestamp {
  std::int64_t seconds = 0;
};

using Argument = std::variant<std::string, std::int64_t, Timestamp>;

// A durable queue and its x-arguments (queue type, delivery limit, dead-lettering).
struct QueueSpec {
  std::string name;
  std::map<std::string, Argument> arguments;
};

struct Message {
  std::string body;
  std::string message_id;
  std::string type;
  std::string content_type = "application/json";
};

enum class Confirm { acked, nacked, returned };

struct Delivery {
  std::uint64_t tag = 0;
  std::string body;
  std::string message_id;
  std::string type;
  bool redelivered = false;
};

}  // namespace amqp

#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include <boost/system/result.hpp>

namespace events {

// The `user.first_login` event of design §4, as published by users and consumed by promotion.
struct FirstLogin {
  std::string event_id;  // UUID; also the AMQP message_id
  std::string user_id;
  std::string user_identifier;  // what the user typed at login
  std::string occurred_at;      // RFC 3339, UTC
};

inline constexpr std::string_view first_login_type = "user.first_login";
inline constexpr std::size_t max_message_bytes = 4096;

std::string encode(const FirstLogin& event);

// Why a payload was refused; the consumer dead-letters it and logs `reason`.
struct DecodeError {
  std::string reason;
};

// The event of a payload, or why it is refused (malformed, invalid, larger than max_message_bytes).
boost::system::result<FirstLogin, DecodeError> decode(std::string_view payload);

}  // namespace events

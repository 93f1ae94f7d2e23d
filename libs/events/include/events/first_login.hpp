#pragma once
#include <string>
#include <string_view>

#include <boost/system/result.hpp>

#include "events/payload.hpp"

namespace events {

// The `user.first_login` event of design §4, as published by users and consumed by promotion.
struct FirstLogin {
  std::string event_id;  // UUID; also the AMQP message_id
  std::string user_id;
  std::string user_identifier;  // what the user typed at login
  std::string occurred_at;      // RFC 3339, UTC
};

inline constexpr std::string_view first_login_type = "user.first_login";

std::string encode(const FirstLogin& event);

// The event of a payload, or why it is refused (malformed, invalid, larger than max_message_bytes).
boost::system::result<FirstLogin, DecodeError> decode(std::string_view payload);

}  // namespace events

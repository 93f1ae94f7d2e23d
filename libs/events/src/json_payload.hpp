// The shared first steps of decoding an event (internal): size bound, JSON object, typed members.
#pragma once
#include <boost/json/object.hpp>
#include <boost/system/result.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "events/payload.hpp"

namespace events::detail {

// The payload's JSON object, or why not (larger than max_message_bytes, not JSON, not an object).
boost::system::result<boost::json::object, DecodeError> parse_object(std::string_view payload);

// A string member of 1-256 characters, or the error naming it.
boost::system::result<std::string, DecodeError> text_member(const boost::json::object& object, std::string_view name);

// An integer member (seconds since the Unix epoch), or the error naming it.
boost::system::result<std::int64_t, DecodeError> time_member(const boost::json::object& object, std::string_view name);

}  // namespace events::detail

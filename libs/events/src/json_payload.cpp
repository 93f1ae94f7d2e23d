#include "json_payload.hpp"

#include <boost/json/parse.hpp>

namespace events::detail {

boost::system::result<boost::json::object, DecodeError> parse_object(std::string_view payload) {
  if (payload.size() > max_message_bytes) return DecodeError{"payload larger than 4096 bytes"};
  boost::system::error_code ec;
  auto value = boost::json::parse(payload, ec);
  if (ec) return DecodeError{"payload is not JSON"};
  auto* object = value.if_object();
  if (!object) return DecodeError{"payload is not a JSON object"};
  return std::move(*object);
}

boost::system::result<std::string, DecodeError> text_member(const boost::json::object& object, std::string_view name) {
  const auto* value = object.if_contains(name);
  const auto* text = value ? value->if_string() : nullptr;
  if (!text || text->empty() || text->size() > 256)
    return DecodeError{std::string(name) + " is missing or not a string of 1-256 characters"};
  return {boost::system::in_place_value, std::string(*text)};
}

boost::system::result<std::int64_t, DecodeError> time_member(const boost::json::object& object, std::string_view name) {
  const auto* value = object.if_contains(name);
  if (!value || !value->is_int64() || value->get_int64() < 0)
    return DecodeError{std::string(name) + " is missing or not a non-negative integer (seconds since the epoch)"};
  return value->get_int64();
}

}  // namespace events::detail

#include "events/first_login.hpp"

#include <boost/json.hpp>

#include "events/formats.hpp"

namespace events {
namespace {

const boost::json::string* text_field(const boost::json::object& object, std::string_view name) {
  auto* value = object.if_contains(name);
  return value ? value->if_string() : nullptr;
}

}  // namespace

std::string encode(const FirstLogin& event) {
  return boost::json::serialize(boost::json::object{{"event_id", event.event_id},
                                                    {"user_id", event.user_id},
                                                    {"user_identifier", event.user_identifier},
                                                    {"occurred_at", event.occurred_at}});
}

boost::system::result<FirstLogin, DecodeError> decode(std::string_view payload) {
  if (payload.size() > max_message_bytes) return DecodeError{"payload larger than 4096 bytes"};
  boost::system::error_code ec;
  auto value = boost::json::parse(payload, ec);
  if (ec) return DecodeError{"payload is not JSON"};
  const auto* object = value.if_object();
  if (!object) return DecodeError{"payload is not a JSON object"};

  FirstLogin event;
  for (auto [name, target] :
       {std::pair{"event_id", &event.event_id}, std::pair{"user_id", &event.user_id},
        std::pair{"user_identifier", &event.user_identifier}, std::pair{"occurred_at", &event.occurred_at}}) {
    const auto* field = text_field(*object, name);
    if (!field || field->empty() || field->size() > 256)
      return DecodeError{std::string(name) + " is missing or not a string of 1-256 characters"};
    *target = std::string(*field);
  }
  if (!is_uuid(event.event_id)) return DecodeError{"event_id is not a UUID"};
  if (!is_rfc3339(event.occurred_at)) return DecodeError{"occurred_at is not RFC 3339"};
  return event;
}

}  // namespace events

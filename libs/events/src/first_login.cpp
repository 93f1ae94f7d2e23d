#include "events/first_login.hpp"

#include <boost/json/serialize.hpp>

#include "events/formats.hpp"
#include "json_payload.hpp"

namespace events {
std::string encode(const FirstLogin& event) {
  return boost::json::serialize(boost::json::object{{"event_id", event.event_id},
                                                    {"user_id", event.user_id},
                                                    {"user_identifier", event.user_identifier},
                                                    {"occurred_at", event.occurred_at}});
}

boost::system::result<FirstLogin, DecodeError> decode(std::string_view payload) {
  const auto object = detail::parse_object(payload);
  if (!object) return object.error();
  FirstLogin event;
  for (auto [name, target] :
       {std::pair{"event_id", &event.event_id}, std::pair{"user_id", &event.user_id},
        std::pair{"user_identifier", &event.user_identifier}, std::pair{"occurred_at", &event.occurred_at}}) {
    auto field = detail::text_member(*object, name);
    if (!field) return field.error();
    *target = std::move(*field);
  }
  if (!is_uuid(event.event_id)) return DecodeError{"event_id is not a UUID"};
  if (!is_rfc3339(event.occurred_at)) return DecodeError{"occurred_at is not RFC 3339"};
  return event;
}

}  // namespace events

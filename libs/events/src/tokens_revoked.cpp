#include "events/tokens_revoked.hpp"

#include <boost/json/serialize.hpp>

#include "events/formats.hpp"
#include "json_payload.hpp"

namespace events {

std::string encode(const TokensRevoked& event) {
  boost::json::object object{{"event_id", event.event_id},
                             {"user_id", event.user_id},
                             {"expires", event.expires},
                             {"occurred_at", event.occurred_at}};
  if (event.jti) {
    object["jti"] = *event.jti;
  } else {
    object["issued_until"] = event.issued_until;
  }
  return boost::json::serialize(object);
}

boost::system::result<TokensRevoked, DecodeError> decode_tokens_revoked(std::string_view payload) {
  const auto object = detail::parse_object(payload);
  if (!object) return object.error();
  TokensRevoked event;
  for (auto [name, target] : {std::pair{"event_id", &event.event_id}, std::pair{"user_id", &event.user_id},
                              std::pair{"occurred_at", &event.occurred_at}}) {
    auto field = detail::text_member(*object, name);
    if (!field) return field.error();
    *target = std::move(*field);
  }
  if (!is_uuid(event.event_id)) return DecodeError{"event_id is not a UUID"};
  if (!is_rfc3339(event.occurred_at)) return DecodeError{"occurred_at is not RFC 3339"};
  const auto expires = detail::time_member(*object, "expires");
  if (!expires) return expires.error();
  event.expires = *expires;

  if (object->contains("jti") == object->contains("issued_until"))
    return DecodeError{"exactly one of jti and issued_until is required"};
  if (object->contains("jti")) {
    auto jti = detail::text_member(*object, "jti");
    if (!jti) return jti.error();
    event.jti = std::move(*jti);
  } else {
    const auto issued_until = detail::time_member(*object, "issued_until");
    if (!issued_until) return issued_until.error();
    event.issued_until = *issued_until;
  }
  return event;
}

}  // namespace events

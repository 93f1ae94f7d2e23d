#include "events/first_login.hpp"

#include <boost/json.hpp>
#include <cctype>

namespace events {
namespace {

bool is_uuid(std::string_view text) {
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
    }
    return true;
}

// YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM), checked for shape, not calendar.
bool is_rfc3339(std::string_view text) {
    constexpr std::string_view shape = "dddd-dd-ddTdd:dd:dd";
    if (text.size() < shape.size() + 1) return false;
    for (std::size_t i = 0; i < shape.size(); ++i) {
        const bool digit = std::isdigit(static_cast<unsigned char>(text[i])) != 0;
        if (shape[i] == 'd' ? !digit : text[i] != shape[i]) return false;
    }
    auto rest = text.substr(shape.size());
    if (rest.front() == '.') {
        rest.remove_prefix(1);
        std::size_t digits = 0;
        while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]))) ++digits;
        if (digits == 0) return false;
        rest.remove_prefix(digits);
    }
    if (rest == "Z") return true;
    return rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':';
}

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

std::variant<FirstLogin, DecodeError> decode(std::string_view payload) {
    if (payload.size() > max_message_bytes) return DecodeError{"payload larger than 4096 bytes"};
    boost::system::error_code ec;
    auto value = boost::json::parse(payload, ec);
    if (ec) return DecodeError{"payload is not JSON"};
    const auto* object = value.if_object();
    if (!object) return DecodeError{"payload is not a JSON object"};

    FirstLogin event;
    for (auto [name, target] : {std::pair{"event_id", &event.event_id}, std::pair{"user_id", &event.user_id},
                                std::pair{"user_identifier", &event.user_identifier},
                                std::pair{"occurred_at", &event.occurred_at}}) {
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

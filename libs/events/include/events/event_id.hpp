#pragma once
#include <string>
#include <string_view>

namespace events {

// An RFC 9562 version-5 UUID (SHA-1) of `name` in the namespace `namespace_uuid` (8-4-4-4-12 hex digits;
// throws std::invalid_argument otherwise). The same inputs always give the same UUID.
std::string uuid_v5(std::string_view namespace_uuid, std::string_view name);

// The event_id of a user's user.first_login event, derived from the user id alone: a first login recorded
// twice (a committed row lost in a database failover, then the login again) carries the same id, and the
// consumer's processed_events dedupes it instead of granting a second voucher.
std::string first_login_event_id(std::string_view user_id);

}  // namespace events

#pragma once
#include <string_view>

namespace events {

// 8-4-4-4-12 hexadecimal digits.
bool is_uuid(std::string_view text);

// YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM) naming a real calendar date and time of day.
bool is_rfc3339(std::string_view text);

}  // namespace events

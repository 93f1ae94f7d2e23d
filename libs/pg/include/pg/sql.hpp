#pragma once
#include <string>
#include <string_view>

namespace pg {

// SQL text rendering a timestamptz `expression` as RFC 3339 in UTC with microseconds, e.g.
// 2026-11-28T10:00:00.123456Z (NULL stays NULL).
inline std::string rfc3339_utc(std::string_view expression) {
  return "to_char((" + std::string(expression) + ") AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
}

}  // namespace pg

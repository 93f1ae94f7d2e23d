#pragma once
#include <chrono>
#include <string>

namespace pg {

// `time` as a timestamptz parameter: RFC 3339 in UTC with microseconds, e.g. 2026-12-04T14:00:00.123456Z.
std::string timestamp(std::chrono::system_clock::time_point time);

}  // namespace pg

#pragma once
#include <spdlog/formatter.h>
#include <memory>

namespace logging {

// One JSON object per line: {"time","level","logger","message"} with the message escaped.
std::unique_ptr<spdlog::formatter> make_json_formatter();

}  // namespace logging

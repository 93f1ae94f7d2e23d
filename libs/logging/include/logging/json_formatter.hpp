#pragma once
#include <memory>
#include <spdlog/formatter.h>

namespace logging {

// One JSON object per line: {"time","level","logger","message"} with the message escaped.
std::unique_ptr<spdlog::formatter> make_json_formatter();

}  // namespace logging

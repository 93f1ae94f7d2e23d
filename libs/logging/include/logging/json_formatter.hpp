#pragma once
#include <spdlog/formatter.h>

#include <memory>

namespace logging {

// One JSON object per line: {"time","level","logger","message", ...fields} with strings escaped.
std::unique_ptr<spdlog::formatter> make_json_formatter();

// "<time> <level> [<logger>] <message> key=value ..." per line.
std::unique_ptr<spdlog::formatter> make_text_formatter();

}  // namespace logging

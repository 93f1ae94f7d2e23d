#pragma once
#include <spdlog/logger.h>

#include <cstdint>
#include <span>
#include <string_view>
#include <variant>

namespace logging {

// One structured field of a log line, e.g. {"status", 200}.
struct Field {
  std::string_view key;
  std::variant<std::string_view, std::int64_t, double> value;
};

// Logs `message` with `fields`: members of the JSON object with LOG_FORMAT=json, " key=value" after the
// message in text. Loggers made by logging::init render them; others print the message alone.
void log_with_fields(spdlog::logger& logger, spdlog::level::level_enum level, std::string_view message,
                     std::span<const Field> fields);

}  // namespace logging

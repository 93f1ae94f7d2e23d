#include "logging/fields.hpp"

#include "current_fields.hpp"

namespace logging {

void log_with_fields(spdlog::logger& logger, spdlog::level::level_enum level, std::string_view message,
                     std::span<const Field> fields) {
  if (!logger.should_log(level)) return;
  detail::current_fields = fields;
  logger.log(level, message);
  detail::current_fields = {};
}

}  // namespace logging

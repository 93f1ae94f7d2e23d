#include "logging/logging.hpp"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <array>
#include <stdexcept>

#include "logging/json_formatter.hpp"

namespace logging {
namespace {

constexpr std::array<const char*, 3> category_names{"web", "migration", "message_queue"};

const char* name_of(Category category) { return category_names.at(static_cast<std::size_t>(category)); }

std::shared_ptr<spdlog::logger> make_logger(const Options& options, const char* category,
                                            const spdlog::sink_ptr& console) {
  auto folder = options.dir / options.app / category;
  auto info = std::make_shared<spdlog::sinks::rotating_file_sink_mt>((folder / "info.log").string(),
                                                                     options.max_file_bytes, options.max_files);
  auto error = std::make_shared<spdlog::sinks::rotating_file_sink_mt>((folder / "error.log").string(),
                                                                      options.max_file_bytes, options.max_files);
  info->set_level(spdlog::level::info);
  error->set_level(spdlog::level::err);
  auto logger = std::make_shared<spdlog::logger>(category, spdlog::sinks_init_list{console, info, error});
  logger->set_level(options.level);
  logger->set_formatter(options.json ? make_json_formatter() : make_text_formatter());
  logger->flush_on(spdlog::level::warn);
  return logger;
}

}  // namespace

void init(const Options& options) {
  auto console = std::make_shared<spdlog::sinks::stdout_color_sink_mt>();
  spdlog::drop_all();
  for (const char* category : category_names) spdlog::register_logger(make_logger(options, category, console));
  spdlog::flush_every(std::chrono::seconds(1));
}

std::shared_ptr<spdlog::logger> get(Category category) {
  auto logger = spdlog::get(name_of(category));
  if (!logger) throw std::logic_error("logging::init has not run");
  return logger;
}

void flush_all() {
  spdlog::apply_all([](const std::shared_ptr<spdlog::logger>& logger) { logger->flush(); });
}

spdlog::level::level_enum parse_level(const std::string& name) {
  auto level = spdlog::level::from_str(name);
  if (level == spdlog::level::off && name != "off") throw std::invalid_argument("unknown log level");
  return level;
}

}  // namespace logging

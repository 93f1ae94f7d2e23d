#pragma once
#include <spdlog/logger.h>
#include <filesystem>
#include <memory>
#include <string>

namespace logging {

// The three log categories of design §9; each has its own folder of files.
enum class Category { web, migration, message_queue };

struct Options {
  std::string app;  // "users" or "promotion"
  std::filesystem::path dir = "logs";
  spdlog::level::level_enum level = spdlog::level::info;
  bool json = false;
  std::size_t max_file_bytes = 10 * 1024 * 1024;
  std::size_t max_files = 5;
};

// Creates console + `<dir>/<app>/<category>/{info,error}.log` (size-rotated) for every category.
void init(const Options& options);

// The logger of a category; init() must have run.
std::shared_ptr<spdlog::logger> get(Category category);

// Writes out everything buffered, e.g. before the process exits.
void flush_all();

// "info" -> spdlog::level::info; throws std::invalid_argument for an unknown name.
spdlog::level::level_enum parse_level(const std::string& name);

}  // namespace logging

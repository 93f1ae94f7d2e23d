#pragma once
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "config/error.hpp"

namespace config {

// Typed read access to settings: process environment over `.env` over the caller's defaults.
// Every accessor throws config::Error naming the variable when a value is missing or invalid.
class Env {
 public:
  explicit Env(std::map<std::string, std::string> values) : values_(std::move(values)) {}

  // The real environment wins over the file; a missing file is fine, a malformed one is not.
  static Env load(const std::filesystem::path& dotenv_path = ".env");

  // A command-line flag outranks both the environment and the file.
  void set(const std::string& name, std::string value) { values_[name] = std::move(value); }

  std::optional<std::string> find(const std::string& name) const;
  std::string string(const std::string& name) const;  // required
  std::string string(const std::string& name, std::string_view fallback) const;
  std::int64_t integer(const std::string& name, std::int64_t fallback, std::int64_t min, std::int64_t max) const;
  std::chrono::milliseconds milliseconds(const std::string& name, std::int64_t fallback_ms) const;
  std::string choice(const std::string& name, std::string_view fallback,
                     std::initializer_list<std::string_view> allowed) const;

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace config

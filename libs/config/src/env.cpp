#include "config/env.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

#include "config/dotenv.hpp"

extern char** environ;

namespace config {

Env Env::load(const std::filesystem::path& dotenv_path) {
  std::map<std::string, std::string> values;
  if (std::ifstream file{dotenv_path}) {
    std::stringstream text;
    text << file.rdbuf();
    values = parse_dotenv(text.str());
  }
  for (char** entry = environ; entry && *entry; ++entry) {
    std::string_view pair{*entry};
    if (auto eq = pair.find('='); eq != std::string_view::npos)
      values[std::string(pair.substr(0, eq))] = std::string(pair.substr(eq + 1));
  }
  return Env{std::move(values)};
}

std::optional<std::string> Env::find(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

std::string Env::string(const std::string& name) const {
  if (auto value = find(name)) return *value;
  throw Error(name, "is required but not set");
}

std::string Env::string(const std::string& name, std::string_view fallback) const {
  return find(name).value_or(std::string(fallback));
}

std::int64_t Env::integer(const std::string& name, std::int64_t fallback, std::int64_t min, std::int64_t max) const {
  auto text = find(name);
  if (!text) return fallback;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc{} || end != text->data() + text->size())
    throw Error(name, "must be an integer, got '" + *text + "'");
  if (value < min || value > max)
    throw Error(name, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  return value;
}

std::chrono::milliseconds Env::milliseconds(const std::string& name, std::int64_t fallback_ms) const {
  return std::chrono::milliseconds(integer(name, fallback_ms, 1, 24LL * 3600 * 1000));
}

std::string Env::choice(const std::string& name, std::string_view fallback,
                        std::initializer_list<std::string_view> allowed) const {
  auto value = string(name, fallback);
  for (auto option : allowed)
    if (value == option) return value;
  std::string list;
  for (auto option : allowed) list += (list.empty() ? "" : ", ") + std::string(option);
  throw Error(name, "must be one of " + list + ", got '" + value + "'");
}

}  // namespace config

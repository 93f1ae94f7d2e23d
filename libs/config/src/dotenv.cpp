#include "config/dotenv.hpp"

#include <cctype>

#include "config/error.hpp"

namespace config {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool valid_name(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) return false;
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;
}

std::string unquote(std::string_view value, const std::string& where) {
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')) {
    if (value.back() != value.front()) throw Error(where, "unterminated quoted value");
    return std::string(value.substr(1, value.size() - 2));
  }
  if (auto hash = value.find(" #"); hash != std::string_view::npos) value = trim(value.substr(0, hash));
  return std::string(value);
}

}  // namespace

std::map<std::string, std::string> parse_dotenv(std::string_view text) {
  std::map<std::string, std::string> values;
  int line_number = 0;
  while (!text.empty()) {
    auto end = text.find('\n');
    auto line = trim(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    if (line.starts_with("export ")) line = trim(line.substr(7));
    const std::string where = ".env line " + std::to_string(line_number);
    auto eq = line.find('=');
    if (eq == std::string_view::npos) throw Error(where, "expected NAME=VALUE");
    auto name = trim(line.substr(0, eq));
    if (!valid_name(name)) throw Error(where, "invalid variable name");
    values[std::string(name)] = unquote(trim(line.substr(eq + 1)), where);
  }
  return values;
}

}  // namespace config

#include "events/formats.hpp"

#include <cctype>
#include <chrono>

namespace events {
namespace {

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

int number(std::string_view text, std::size_t at, std::size_t length) {
  int value = 0;
  for (std::size_t i = at; i < at + length; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

}  // namespace

bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

bool is_rfc3339(std::string_view text) {
  constexpr std::string_view shape = "dddd-dd-ddTdd:dd:dd";
  if (text.size() < shape.size() + 1) return false;
  for (std::size_t i = 0; i < shape.size(); ++i)
    if (shape[i] == 'd' ? !digit(text[i]) : text[i] != shape[i]) return false;
  const std::chrono::year_month_day date{std::chrono::year{number(text, 0, 4)},
                                         std::chrono::month{static_cast<unsigned>(number(text, 5, 2))},
                                         std::chrono::day{static_cast<unsigned>(number(text, 8, 2))}};
  if (!date.ok() || number(text, 11, 2) > 23 || number(text, 14, 2) > 59 || number(text, 17, 2) > 60) return false;

  auto rest = text.substr(shape.size());
  if (rest.front() == '.') {
    std::size_t digits = 1;
    while (digits < rest.size() && digit(rest[digits])) ++digits;
    if (digits == 1) return false;
    rest.remove_prefix(digits);
  }
  if (rest == "Z") return true;
  return rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && digit(rest[1]) && digit(rest[2]) && rest[3] == ':' &&
         digit(rest[4]) && digit(rest[5]) && number(rest, 1, 2) < 24 && number(rest, 4, 2) < 60;
}

}  // namespace events

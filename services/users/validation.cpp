#include "validation.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

namespace users {
namespace {

// Unicode code points in a UTF-8 string (the JSON parser has already rejected invalid UTF-8).
std::size_t code_points(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool all_of(std::string_view text, auto predicate) { return std::all_of(text.begin(), text.end(), predicate); }

bool is_domain_label(std::string_view label) {
  return !label.empty() && label.size() <= 63 && label.front() != '-' && label.back() != '-' &&
         all_of(label, [](unsigned char c) { return std::isalnum(c) || c == '-'; });
}

}  // namespace

std::optional<std::string> check_username(const std::string& value) {
  if (value.size() < 3 || value.size() > 32) return "must be 3-32 characters";
  if (!all_of(value, [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '.' || c == '-'; }))
    return "may contain only letters, digits, '_', '.' and '-'";
  return std::nullopt;
}

std::optional<std::string> check_email(const std::string& value) {
  const auto at = value.find('@');
  const bool shape = value.size() <= 254 && at != std::string::npos && value.find('@', at + 1) == std::string::npos;
  if (!shape) return "must be a valid email address";
  const std::string_view local = std::string_view(value).substr(0, at);
  std::string_view domain = std::string_view(value).substr(at + 1);
  if (local.empty() || local.size() > 64 || !all_of(local, [](unsigned char c) { return c > 0x20 && c < 0x7f; }))
    return "must be a valid email address";
  if (domain.find('.') == std::string_view::npos) return "must be a valid email address";
  while (!domain.empty()) {
    auto dot = domain.find('.');
    if (!is_domain_label(domain.substr(0, dot))) return "must be a valid email address";
    domain = dot == std::string_view::npos ? std::string_view{} : domain.substr(dot + 1);
    if (dot != std::string_view::npos && domain.empty()) return "must be a valid email address";
  }
  return std::nullopt;
}

std::optional<std::string> check_phone(const std::string& value) {
  static const std::regex local{R"(0\d{9,10})"};
  static const std::regex e164{R"(\+[1-9]\d{7,14})"};
  if (std::regex_match(value, local) || std::regex_match(value, e164)) return std::nullopt;
  return "must be 0 followed by 9-10 digits, or E.164 (+ and 8-15 digits)";
}

std::optional<std::string> check_password(const std::string& value) {
  const auto length = code_points(value);
  if (length < 12 || length > 128) return "must be 12-128 characters";
  return std::nullopt;
}

std::optional<std::string> check_full_name(const std::string& value) {
  const auto length = code_points(value);
  if (length < 1 || length > 100 || all_of(value, [](unsigned char c) { return std::isspace(c); }))
    return "must be 1-100 characters";
  return std::nullopt;
}

std::optional<std::string> check_birthday(const std::string& value, std::chrono::year_month_day today) {
  static const std::regex shape{R"((\d{4})-(\d{2})-(\d{2}))"};
  std::smatch parts;
  if (!std::regex_match(value, parts, shape)) return "must be a date YYYY-MM-DD";
  const std::chrono::year_month_day date{std::chrono::year{std::stoi(parts[1])},
                                         std::chrono::month{static_cast<unsigned>(std::stoi(parts[2]))},
                                         std::chrono::day{static_cast<unsigned>(std::stoi(parts[3]))}};
  if (!date.ok()) return "must be a real calendar date";
  if (date >= today) return "must be in the past";
  if (date < std::chrono::year{1900} / 1 / 1) return "must be after 1900-01-01";
  return std::nullopt;
}

std::string normalize_identifier(std::string_view identifier) {
  std::string normalized(identifier);
  std::transform(normalized.begin(), normalized.end(), normalized.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return normalized;
}

Validated validate_registration(const boost::json::object& body, std::chrono::year_month_day today) {
  std::vector<http::FieldError> errors;
  // A present field must be a string; absent or null optional fields are skipped.
  auto field = [&](const char* name, bool required) -> std::optional<std::string> {
    const auto* value = body.if_contains(name);
    if (!value || value->is_null()) {
      if (required) errors.push_back({name, "is required"});
      return std::nullopt;
    }
    if (!value->is_string()) {
      errors.push_back({name, "must be a string"});
      return std::nullopt;
    }
    return std::string(value->get_string());
  };
  auto checked = [&](const char* name, bool required, auto check) {
    auto value = field(name, required);
    if (value)
      if (auto problem = check(*value)) {
        errors.push_back({name, *problem});
        value.reset();
      }
    return value;
  };

  Registration registration;
  registration.username = checked("username", false, check_username);
  registration.email = checked("email", false, check_email);
  registration.phone = checked("phone", false, check_phone);
  auto given = [&](const char* name) { return body.if_contains(name) && !body.at(name).is_null(); };
  if (!given("username") && !given("email") && !given("phone"))
    errors.push_back({"identifier", "one of username, email or phone is required"});
  auto password = checked("password", true, check_password);
  auto full_name = checked("full_name", true, check_full_name);
  auto birthday = checked("birthday", true, [&](const std::string& v) { return check_birthday(v, today); });
  if (!errors.empty()) return errors;
  registration.password = std::move(*password);
  registration.full_name = std::move(*full_name);
  registration.birthday = std::move(*birthday);
  return registration;
}

}  // namespace users

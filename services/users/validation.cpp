#include "validation.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include "http/field_reader.hpp"

namespace users {
namespace {

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
  const auto length = http::code_points(value);
  if (length < 12 || length > 128) return "must be 12-128 characters";
  return std::nullopt;
}

std::optional<std::string> check_full_name(const std::string& value) {
  const auto length = http::code_points(value);
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

http::Validated<Registration> validate_registration(const boost::json::object& body,
                                                    std::chrono::year_month_day today) {
  using http::Presence;
  http::FieldReader reader{body};
  Registration registration;
  registration.username = reader.text("username", Presence::optional, check_username);
  registration.email = reader.text("email", Presence::optional, check_email);
  registration.phone = reader.text("phone", Presence::optional, check_phone);
  if (!reader.given("username") && !reader.given("email") && !reader.given("phone")) {
    reader.fail("identifier", "one of username, email or phone is required");
  }
  auto password = reader.text("password", Presence::required, check_password);
  auto full_name = reader.text("full_name", Presence::required, check_full_name);
  auto birthday = reader.text("birthday", Presence::required,
                              [today](const std::string& value) { return check_birthday(value, today); });
  if (reader.failed()) return std::move(reader).errors();
  registration.password = std::move(*password);
  registration.full_name = std::move(*full_name);
  registration.birthday = std::move(*birthday);
  return registration;
}

}  // namespace users

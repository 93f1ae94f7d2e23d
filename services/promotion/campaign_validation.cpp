#include "campaign_validation.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>

#include "events/formats.hpp"

namespace promotion {
namespace {

constexpr std::int64_t micros_per_second = 1'000'000;
constexpr std::int64_t seconds_per_day = 86'400;

// Unicode code points in a UTF-8 string (the JSON parser has already rejected invalid UTF-8).
std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
}

int number(std::string_view text, std::size_t at, std::size_t length) {
  int value = 0;
  for (std::size_t i = at; i < at + length; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

std::int64_t days_since_epoch(int year, int month, int day) {
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  return std::chrono::sys_days{date}.time_since_epoch().count();
}

// Microseconds since the Unix epoch of a text that events::is_rfc3339 accepted.
std::int64_t epoch_micros(std::string_view text) {
  std::int64_t seconds =
      days_since_epoch(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2)) * seconds_per_day +
      number(text, 11, 2) * 3600 + number(text, 14, 2) * 60 + number(text, 17, 2);
  std::int64_t micros = 0;
  auto rest = text.substr(19);
  if (rest.front() == '.') {
    std::size_t digits = 1;
    while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]))) ++digits;
    for (std::size_t i = 1; i <= 6; ++i) micros = micros * 10 + (i < digits ? rest[i] - '0' : 0);
    if (digits > 7 && rest[7] >= '5') ++micros;  // half up on the seventh digit
    rest.remove_prefix(digits);
  }
  if (rest != "Z") {
    const int offset = number(rest, 1, 2) * 3600 + number(rest, 4, 2) * 60;
    seconds -= rest[0] == '+' ? offset : -offset;
  }
  return seconds * micros_per_second + micros;
}

std::string format_utc(std::int64_t micros) {
  const std::int64_t seconds = micros / micros_per_second;
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{seconds / seconds_per_day}}};
  const std::int64_t in_day = seconds % seconds_per_day;
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%06dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), static_cast<int>(in_day / 3600),
                static_cast<int>(in_day / 60 % 60), static_cast<int>(in_day % 60),
                static_cast<int>(micros % micros_per_second));
  return text;
}

// Collects the field errors of one body while reading its fields.
class Reader {
 public:
  explicit Reader(const boost::json::object& body) : body_(body) {}

  // A string field; absent or null is nullopt (an error when required).
  std::optional<std::string> text(const char* name, bool required, std::size_t max_length) {
    const auto* value = body_.if_contains(name);
    if (!value || value->is_null()) {
      if (required) fail(name, "is required");
      return std::nullopt;
    }
    if (!value->is_string()) return fail(name, "must be a string");
    std::string_view text = value->get_string();
    const auto length = code_points(text);
    if (required && (length == 0 || blank(text)))
      return fail(name, "must be 1-" + std::to_string(max_length) + " characters");
    if (length > max_length) return fail(name, "must be at most " + std::to_string(max_length) + " characters");
    return std::string(text);
  }

  // A required JSON integer in [1, max] (not 1.5, "10" or true).
  int integer(const char* name, int max) {
    const auto* value = body_.if_contains(name);
    if (!value || value->is_null()) {
      fail(name, "is required");
      return 0;
    }
    if (!value->is_int64() && !value->is_uint64()) {
      fail(name, "must be an integer");
      return 0;
    }
    if (value->is_uint64() || value->get_int64() < 1 || value->get_int64() > max) {
      fail(name, "must be between 1 and " + std::to_string(max));
      return 0;
    }
    return static_cast<int>(value->get_int64());
  }

  // An optional RFC 3339 timestamp, as normalize_timestamp gives it.
  std::optional<std::string> timestamp(const char* name) {
    auto value = text(name, false, 64);
    if (!value) return std::nullopt;
    auto normalized = normalize_timestamp(*value);
    if (!normalized) fail(name, "must be an RFC 3339 timestamp between 1970 and 9999, e.g. 2026-01-01T00:00:00Z");
    return normalized;
  }

  // Records an error; returns nullopt so that text() can `return fail(...)`.
  std::nullopt_t fail(std::string field, std::string message) {
    errors_.push_back({std::move(field), std::move(message)});
    return std::nullopt;
  }
  bool failed() const { return !errors_.empty(); }
  std::vector<http::FieldError> errors() && { return std::move(errors_); }

 private:
  const boost::json::object& body_;
  std::vector<http::FieldError> errors_;
};

}  // namespace

std::optional<std::string> normalize_timestamp(std::string_view text) {
  if (!events::is_rfc3339(text)) return std::nullopt;
  const std::int64_t micros = epoch_micros(text);
  const std::int64_t end = days_since_epoch(10000, 1, 1) * seconds_per_day * micros_per_second;
  if (micros < 0 || micros >= end) return std::nullopt;
  return format_utc(micros);
}

std::variant<NewCampaign, std::vector<http::FieldError>> validate_campaign(const boost::json::object& body) {
  Reader reader{body};
  NewCampaign campaign;
  auto name = reader.text("name", true, max_name_length);
  campaign.description = reader.text("description", false, max_description_length);
  campaign.discount_percent = reader.integer("discount_percent", max_discount_percent);
  campaign.number_of_vouchers = reader.integer("number_of_vouchers", max_number_of_vouchers);
  campaign.voucher_duration_days = reader.integer("voucher_duration_days", max_voucher_duration_days);
  campaign.starts_at = reader.timestamp("starts_at");
  campaign.ends_at = reader.timestamp("ends_at");
  // Same-format UTC texts: lexical order is time order.
  if (campaign.starts_at && campaign.ends_at && *campaign.ends_at <= *campaign.starts_at)
    reader.fail("ends_at", "must be after starts_at");
  if (reader.failed()) return std::move(reader).errors();
  campaign.name = std::move(*name);
  return campaign;
}

std::variant<bool, std::vector<http::FieldError>> validate_availability(const boost::json::object& body) {
  const auto* value = body.if_contains("is_available");
  if (!value || value->is_null()) return std::vector<http::FieldError>{{"is_available", "is required"}};
  if (!value->is_bool()) return std::vector<http::FieldError>{{"is_available", "must be a boolean"}};
  return value->get_bool();
}

}  // namespace promotion

#include "campaign_validation.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>

#include "events/formats.hpp"
#include "http/field_reader.hpp"

namespace promotion {
namespace {

constexpr std::int64_t micros_per_second = 1'000'000;
constexpr std::int64_t seconds_per_day = 86'400;

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

// At most `max_length` code points; a required text must also not be blank.
http::Check length_rule(http::Presence presence, std::size_t max_length) {
  return [presence, max_length](const std::string& value) -> std::optional<std::string> {
    const auto length = http::code_points(value);
    if (presence == http::Presence::required && (length == 0 || blank(value))) {
      return "must be 1-" + std::to_string(max_length) + " characters";
    }
    if (length > max_length) return "must be at most " + std::to_string(max_length) + " characters";
    return std::nullopt;
  };
}

// An optional RFC 3339 timestamp, as normalize_timestamp gives it.
std::optional<std::string> timestamp(http::FieldReader& reader, std::string_view name) {
  auto value = reader.text(name, http::Presence::optional, [](const std::string& text) -> std::optional<std::string> {
    if (normalize_timestamp(text)) return std::nullopt;
    return "must be an RFC 3339 timestamp between 1970 and 9999, e.g. 2026-01-01T00:00:00Z";
  });
  return value ? normalize_timestamp(*value) : std::nullopt;
}

int required_count(http::FieldReader& reader, std::string_view name, int max) {
  return static_cast<int>(reader.integer(name, http::Presence::required, 1, max).value_or(0));
}

}  // namespace

std::optional<std::string> normalize_timestamp(std::string_view text) {
  if (!events::is_rfc3339(text)) return std::nullopt;
  const std::int64_t micros = epoch_micros(text);
  const std::int64_t end = days_since_epoch(10000, 1, 1) * seconds_per_day * micros_per_second;
  if (micros < 0 || micros >= end) return std::nullopt;
  return format_utc(micros);
}

http::Validated<NewCampaign> validate_campaign(const boost::json::object& body) {
  using http::Presence;
  http::FieldReader reader{body};
  NewCampaign campaign;
  auto name = reader.text("name", Presence::required, length_rule(Presence::required, max_name_length));
  campaign.description =
      reader.text("description", Presence::optional, length_rule(Presence::optional, max_description_length));
  campaign.discount_percent = required_count(reader, "discount_percent", max_discount_percent);
  campaign.number_of_vouchers = required_count(reader, "number_of_vouchers", max_number_of_vouchers);
  campaign.voucher_duration_days = required_count(reader, "voucher_duration_days", max_voucher_duration_days);
  campaign.starts_at = timestamp(reader, "starts_at");
  campaign.ends_at = timestamp(reader, "ends_at");
  // Same-format UTC texts: lexical order is time order.
  if (campaign.starts_at && campaign.ends_at && *campaign.ends_at <= *campaign.starts_at)
    reader.fail("ends_at", "must be after starts_at");
  if (reader.failed()) return std::move(reader).errors();
  campaign.name = std::move(*name);
  return campaign;
}

http::Validated<bool> validate_availability(const boost::json::object& body) {
  http::FieldReader reader{body};
  const auto is_available = reader.boolean("is_available", http::Presence::required);
  if (reader.failed()) return std::move(reader).errors();
  return http::Validated<bool>{boost::system::in_place_value, *is_available};
}

}  // namespace promotion

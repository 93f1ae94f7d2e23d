// Fuzz target: a request body through http::parse_json_object, then every body rule of the services:
// register (users::validate_registration), login (the rule of services/users/handlers/login.cpp), campaign
// create and availability (promotion::validate_campaign, validate_availability).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "http/field_reader.hpp"
#include "http/json_response.hpp"
#include "services/promotion/campaign_validation.hpp"
#include "services/users/validation.hpp"

namespace {

// A fixed day, so that a birthday's verdict does not depend on when the input runs.
constexpr std::chrono::year_month_day today{std::chrono::year{2026}, std::chrono::January, std::chrono::day{1}};

// The login body rule, as login.cpp reads it: identifier and password, each non-empty and at most N bytes.
void validate_login(const boost::json::object& body) {
  const auto at_most_bytes = [](std::size_t max) -> http::Check {
    return [max](const std::string& value) -> std::optional<std::string> {
      if (!value.empty() && value.size() <= max) return std::nullopt;
      return "must be 1-" + std::to_string(max) + " bytes";
    };
  };
  http::FieldReader reader{body};
  reader.text("identifier", http::Presence::required, at_most_bytes(254));
  reader.text("password", http::Presence::required, at_most_bytes(1024));
}

// A normalized timestamp normalizes to itself (the campaign store compares them as texts).
void check_normalized(const std::optional<std::string>& timestamp) {
  if (timestamp && promotion::normalize_timestamp(*timestamp) != timestamp) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto body = http::parse_json_object({reinterpret_cast<const char*>(data), size});
  if (!body) return 0;
  (void)users::validate_registration(*body, today);
  validate_login(*body);
  if (const auto campaign = promotion::validate_campaign(*body)) {
    check_normalized(campaign->starts_at);
    check_normalized(campaign->ends_at);
  }
  (void)promotion::validate_availability(*body);
  return 0;
}

#pragma once
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "campaign.hpp"
#include "http/field_reader.hpp"

// The rules of design §3 for campaign bodies; pure functions, no I/O.
namespace promotion {

constexpr std::size_t max_name_length = 200;          // code points
constexpr std::size_t max_description_length = 2000;  // code points
constexpr int max_discount_percent = 100;
constexpr int max_number_of_vouchers = 10'000'000;
constexpr int max_voucher_duration_days = 3650;

// POST /campaigns: name, description?, discount_percent, number_of_vouchers, voucher_duration_days,
// starts_at?, ends_at? (ends_at after starts_at). Integers must be JSON integers. Unknown fields, and
// is_available or any role field, are ignored.
http::Validated<NewCampaign> validate_campaign(const boost::json::object& body);

// PATCH /campaigns/{id}: is_available, a boolean, required.
http::Validated<bool> validate_availability(const boost::json::object& body);

// An RFC 3339 timestamp as UTC with exactly six fraction digits ("2026-01-01T09:00:00.000000Z"), rounded
// half up to the microsecond (the database's precision); nullopt when it is not RFC 3339 or the instant
// lies outside [1970-01-01T00:00:00Z, 10000-01-01T00:00:00Z). Normalized texts compare like their instants.
std::optional<std::string> normalize_timestamp(std::string_view text);

}  // namespace promotion

#pragma once
#include <boost/json/object.hpp>
#include <optional>
#include <string>

namespace promotion {

// A campaign as administrators see it; timestamps are RFC 3339 in UTC.
struct Campaign {
  std::string id;
  std::string name;
  std::optional<std::string> description;
  int discount_percent = 0;
  int number_of_vouchers = 0;
  int remaining_vouchers = 0;
  int voucher_duration_days = 0;
  std::optional<std::string> starts_at;
  std::optional<std::string> ends_at;
  bool is_available = true;
  std::string created_at;
};

boost::json::object to_json(const Campaign& campaign);

// A create body that passed validate_campaign; starts_at/ends_at are normalized to UTC with microseconds.
struct NewCampaign {
  std::string name;
  std::optional<std::string> description;
  int discount_percent = 0;
  int number_of_vouchers = 0;
  int voucher_duration_days = 0;
  std::optional<std::string> starts_at;
  std::optional<std::string> ends_at;
};

}  // namespace promotion

#pragma once
#include <boost/json/object.hpp>
#include <optional>
#include <string>

namespace promotion {

// A voucher as its owner sees it; `state` is active, redeemed or expired at the time of reading.
struct Voucher {
  std::string id;
  std::string code;
  std::string campaign_id;
  int discount_percent = 0;
  std::string issued_at;
  std::string expires_at;
  std::optional<std::string> redeemed_at;
  std::string state;
};

boost::json::object to_json(const Voucher& voucher);

}  // namespace promotion

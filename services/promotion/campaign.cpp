#include "campaign.hpp"

namespace promotion {
namespace {

boost::json::value optional(const std::optional<std::string>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

}  // namespace

boost::json::object to_json(const Campaign& campaign) {
  return {{"id", campaign.id},
          {"name", campaign.name},
          {"description", optional(campaign.description)},
          {"discount_percent", campaign.discount_percent},
          {"number_of_vouchers", campaign.number_of_vouchers},
          {"remaining_vouchers", campaign.remaining_vouchers},
          {"voucher_duration_days", campaign.voucher_duration_days},
          {"starts_at", optional(campaign.starts_at)},
          {"ends_at", optional(campaign.ends_at)},
          {"is_available", campaign.is_available},
          {"created_at", campaign.created_at}};
}

}  // namespace promotion

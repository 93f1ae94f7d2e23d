#include "voucher.hpp"

namespace promotion {

boost::json::object to_json(const Voucher& voucher) {
  return {{"id", voucher.id},
          {"code", voucher.code},
          {"campaign_id", voucher.campaign_id},
          {"discount_percent", voucher.discount_percent},
          {"issued_at", voucher.issued_at},
          {"expires_at", voucher.expires_at},
          {"redeemed_at", voucher.redeemed_at ? boost::json::value(*voucher.redeemed_at) : boost::json::value(nullptr)},
          {"state", voucher.state}};
}

}  // namespace promotion

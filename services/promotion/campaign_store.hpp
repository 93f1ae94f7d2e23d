#pragma once
#include <boost/asio/awaitable.hpp>
#include <optional>
#include <string>
#include <vector>

#include "campaign.hpp"

namespace pg {
class Pool;
}

namespace promotion {

// The only place with SQL for campaigns (the grant's decrement lives in VoucherStore::grant).
class CampaignStore {
 public:
  explicit CampaignStore(pg::Pool& pool) : pool_(pool) {}

  // Inserts the campaign with remaining_vouchers = number_of_vouchers, available.
  boost::asio::awaitable<Campaign> create(NewCampaign campaign);
  // Every campaign, newest first.
  boost::asio::awaitable<std::vector<Campaign>> list();
  // nullopt for an unknown id, and for a text that is not a UUID (without a query).
  boost::asio::awaitable<std::optional<Campaign>> find(std::string id);
  // Opens or pauses a campaign; nullopt as find does.
  boost::asio::awaitable<std::optional<Campaign>> set_available(std::string id, bool is_available);

 private:
  pg::Pool& pool_;
};

}  // namespace promotion

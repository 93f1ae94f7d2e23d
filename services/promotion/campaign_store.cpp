#include "campaign_store.hpp"

#include "events/formats.hpp"
#include "pg/pool.hpp"
#include "pg/sql.hpp"

// g++ 12 frees braced temporaries inside a co_await expression twice: parameters are named locals.
namespace promotion {
namespace {

const std::string campaign_columns =
    "id, name, description, discount_percent, number_of_vouchers, remaining_vouchers, voucher_duration_days, " +
    pg::rfc3339_utc("starts_at") + ", " + pg::rfc3339_utc("ends_at") + ", is_available, " +
    pg::rfc3339_utc("created_at");

int integer(const pg::Result& r, int row, int col) { return static_cast<int>(r.integer(row, col)); }

Campaign campaign_from(const pg::Result& r, int row) {
  return Campaign{.id = r.text(row, 0),
                  .name = r.text(row, 1),
                  .description = r.optional_text(row, 2),
                  .discount_percent = integer(r, row, 3),
                  .number_of_vouchers = integer(r, row, 4),
                  .remaining_vouchers = integer(r, row, 5),
                  .voucher_duration_days = integer(r, row, 6),
                  .starts_at = r.optional_text(row, 7),
                  .ends_at = r.optional_text(row, 8),
                  .is_available = r.boolean(row, 9),
                  .created_at = r.text(row, 10)};
}

pg::Param text(const std::optional<std::string>& value) { return value ? pg::Param(*value) : std::nullopt; }

}  // namespace

boost::asio::awaitable<Campaign> CampaignStore::create(NewCampaign campaign) {
  pg::Params params{campaign.name,
                    text(campaign.description),
                    std::to_string(campaign.discount_percent),
                    std::to_string(campaign.number_of_vouchers),
                    std::to_string(campaign.voucher_duration_days),
                    text(campaign.starts_at),
                    text(campaign.ends_at)};
  const std::string sql =
      "INSERT INTO campaigns (name, description, discount_percent, number_of_vouchers, remaining_vouchers,"
      " voucher_duration_days, starts_at, ends_at)"
      " VALUES ($1, $2, $3::integer, $4::integer, $4::integer, $5::integer, $6::timestamptz, $7::timestamptz)"
      " RETURNING " +
      campaign_columns;
  auto r = co_await pool_.query(sql, std::move(params));
  co_return campaign_from(r, 0);
}

boost::asio::awaitable<std::vector<Campaign>> CampaignStore::list() {
  const std::string sql = "SELECT " + campaign_columns + " FROM campaigns ORDER BY created_at DESC, id DESC";
  auto r = co_await pool_.read(sql);
  std::vector<Campaign> campaigns;
  campaigns.reserve(static_cast<std::size_t>(r.rows()));
  for (int row = 0; row < r.rows(); ++row) campaigns.push_back(campaign_from(r, row));
  co_return campaigns;
}

boost::asio::awaitable<std::optional<Campaign>> CampaignStore::find(std::string id) {
  if (!events::is_uuid(id)) co_return std::nullopt;
  pg::Params params{std::move(id)};
  const std::string sql = "SELECT " + campaign_columns + " FROM campaigns WHERE id = $1::uuid";
  auto r = co_await pool_.read(sql, std::move(params));
  if (r.rows() == 0) co_return std::nullopt;
  co_return campaign_from(r, 0);
}

boost::asio::awaitable<std::optional<Campaign>> CampaignStore::set_available(std::string id, bool is_available) {
  if (!events::is_uuid(id)) co_return std::nullopt;
  pg::Params params{std::move(id), is_available ? "true" : "false"};
  const std::string sql =
      "UPDATE campaigns SET is_available = $2::boolean WHERE id = $1::uuid RETURNING " + campaign_columns;
  auto r = co_await pool_.query(sql, std::move(params));
  if (r.rows() == 0) co_return std::nullopt;
  co_return campaign_from(r, 0);
}

}  // namespace promotion

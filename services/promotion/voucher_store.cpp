#include "voucher_store.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <stdexcept>

#include "events/formats.hpp"
#include "pg/pool.hpp"
#include "pg/sql.hpp"

// g++ 12 frees braced temporaries inside a co_await expression twice: parameters are named locals.
namespace promotion {
namespace {

const std::string voucher_columns =
    "id, code, campaign_id, discount_percent, " + pg::rfc3339_utc("issued_at") + ", " + pg::rfc3339_utc("expires_at") +
    ", " + pg::rfc3339_utc("redeemed_at") +
    ", CASE WHEN redeemed_at IS NOT NULL THEN 'redeemed' WHEN expires_at <= now() THEN 'expired' ELSE 'active' END";

Voucher voucher_from(const pg::Result& r, int row) {
  return Voucher{.id = r.text(row, 0),
                 .code = r.text(row, 1),
                 .campaign_id = r.text(row, 2),
                 .discount_percent = static_cast<int>(r.integer(row, 3)),
                 .issued_at = r.text(row, 4),
                 .expires_at = r.text(row, 5),
                 .redeemed_at = r.optional_text(row, 6),
                 .state = r.text(row, 7)};
}

GrantOutcome outcome_from(std::string_view text) {
  if (text == "granted") return GrantOutcome::granted;
  if (text == "no_voucher") return GrantOutcome::no_voucher;
  if (text == "duplicate") return GrantOutcome::duplicate;
  throw std::logic_error("grant_first_logins returned an unknown outcome: " + std::string(text));
}

}  // namespace

boost::asio::awaitable<std::vector<Voucher>> VoucherStore::list_for(std::string user_id) {
  pg::Params params{std::move(user_id)};
  auto r = co_await pool_.read(
      "SELECT " + voucher_columns + " FROM vouchers WHERE user_id = $1 ORDER BY issued_at DESC, id", std::move(params));
  std::vector<Voucher> vouchers;
  for (int row = 0; row < r.rows(); ++row) vouchers.push_back(voucher_from(r, row));
  co_return vouchers;
}

boost::asio::awaitable<boost::system::result<Voucher, Failure>> VoucherStore::redeem(std::string voucher_id,
                                                                                     std::string user_id) {
  if (!events::is_uuid(voucher_id)) co_return Failure::not_found;
  pg::Params params{voucher_id, user_id};
  auto redeemed = co_await pool_.query(
      "UPDATE vouchers SET redeemed_at = clock_timestamp()"
      " WHERE id = $1::uuid AND user_id = $2 AND redeemed_at IS NULL AND expires_at > now() RETURNING " +
          voucher_columns,
      std::move(params));
  if (redeemed.rows() == 1) co_return voucher_from(redeemed, 0);

  // Why not: read the committed state (another redeem may just have won).
  pg::Params again{std::move(voucher_id), std::move(user_id)};
  auto state = co_await pool_.query("SELECT redeemed_at IS NOT NULL FROM vouchers WHERE id = $1::uuid AND user_id = $2",
                                    std::move(again));
  if (state.rows() == 0) co_return Failure::not_found;
  co_return state.boolean(0, 0) ? Failure::already_redeemed : Failure::expired;
}

// The steps are in the migration that defines grant_first_logins: one statement, one round trip and
// one commit for the batch.
boost::asio::awaitable<std::vector<GrantOutcome>> VoucherStore::grant(std::vector<events::FirstLogin> batch) {
  boost::json::array payload;
  for (const auto& event : batch) {
    payload.push_back({{"event_id", event.event_id}, {"user_id", event.user_id}, {"occurred_at", event.occurred_at}});
  }
  pg::Params params{boost::json::serialize(payload)};
  auto r = co_await pool_.query("SELECT event_outcome FROM grant_first_logins($1::jsonb) ORDER BY event_position",
                                std::move(params));
  std::vector<GrantOutcome> outcomes;
  for (int row = 0; row < r.rows(); ++row) outcomes.push_back(outcome_from(r.get(row, 0)));
  if (outcomes.size() != batch.size()) throw std::logic_error("grant_first_logins returned one outcome per event");
  co_return outcomes;
}

}  // namespace promotion

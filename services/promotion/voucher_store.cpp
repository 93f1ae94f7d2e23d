#include "voucher_store.hpp"

#include "events/formats.hpp"
#include "pg/pool.hpp"
#include "pg/sql.hpp"

// g++ 12 frees braced temporaries inside a co_await expression twice: parameters are named locals.
namespace promotion {
namespace {

const std::string voucher_columns =
    "id, code, campaign_id, discount_percent, " + pg::rfc3339_utc("issued_at") + ", " +
    pg::rfc3339_utc("expires_at") + ", " + pg::rfc3339_utc("redeemed_at") +
    ", CASE WHEN redeemed_at IS NOT NULL THEN 'redeemed' WHEN expires_at <= now() THEN 'expired' ELSE 'active' END";

Voucher voucher_from(const pg::Result& r, int row) {
    auto redeemed_at = r.get_optional(row, 6);
    return Voucher{.id = std::string(r.get(row, 0)),
                   .code = std::string(r.get(row, 1)),
                   .campaign_id = std::string(r.get(row, 2)),
                   .discount_percent = std::stoi(std::string(r.get(row, 3))),
                   .issued_at = std::string(r.get(row, 4)),
                   .expires_at = std::string(r.get(row, 5)),
                   .redeemed_at = redeemed_at ? std::optional<std::string>(*redeemed_at) : std::nullopt,
                   .state = std::string(r.get(row, 7))};
}

// A campaign may grant now: open, with vouchers left, inside its dates.
constexpr const char* grantable =
    "is_available AND remaining_vouchers > 0"
    " AND (starts_at IS NULL OR starts_at <= now()) AND (ends_at IS NULL OR ends_at > now())";

// One statement: decrement the campaign if it still grants, insert the voucher, mark the event granted.
const std::string take_voucher = std::string(
    "WITH taken AS ("
    "  UPDATE campaigns SET remaining_vouchers = remaining_vouchers - 1 WHERE id = $1 AND ") + grantable +
    "  RETURNING id, discount_percent, voucher_duration_days),"
    " voucher AS ("
    "  INSERT INTO vouchers (code, campaign_id, user_id, event_id, discount_percent, expires_at)"
    "  SELECT upper(replace(left(gen_random_uuid()::text, 13), '-', '')), id, $2, $3, discount_percent,"
    "         clock_timestamp() + make_interval(days => voucher_duration_days) FROM taken"
    "  RETURNING id)"
    " UPDATE processed_events SET outcome = 'granted', voucher_id = voucher.id FROM voucher WHERE event_id = $3";

boost::asio::awaitable<GrantOutcome> grant_in(pg::Session& session, events::FirstLogin event) {
    pg::Params record{event.event_id, event.user_id, event.occurred_at};
    auto recorded = co_await session.query(
        "INSERT INTO processed_events (event_id, user_id, occurred_at, outcome) VALUES ($1, $2, $3, 'no_voucher')"
        " ON CONFLICT (event_id) DO NOTHING",
        std::move(record));
    if (recorded.affected() == 0) co_return GrantOutcome::duplicate;

    pg::Params user{event.user_id};
    auto candidates = co_await session.query(
        std::string("SELECT id FROM campaigns c WHERE ") + grantable +
            " AND NOT EXISTS (SELECT 1 FROM vouchers v WHERE v.campaign_id = c.id AND v.user_id = $1)"
            " ORDER BY created_at, id",
        std::move(user));
    // Oldest first; a campaign emptied meanwhile yields no row and the next one is tried. A locked
    // campaign row is waited for, never skipped, so "first N" keeps its order.
    for (int i = 0; i < candidates.rows(); ++i) {
        pg::Params take{std::string(candidates.get(i, 0)), event.user_id, event.event_id};
        auto taken = co_await session.query(take_voucher, std::move(take));
        if (taken.affected() == 1) co_return GrantOutcome::granted;
    }
    co_return GrantOutcome::no_voucher;
}

// As if each event had its own transaction: a later event sees the vouchers of the earlier ones.
boost::asio::awaitable<std::vector<GrantOutcome>> grant_each_in(pg::Session& session,
                                                                const std::vector<events::FirstLogin>& batch) {
    std::vector<GrantOutcome> outcomes;
    outcomes.reserve(batch.size());
    for (const auto& event : batch) {
        const auto outcome = co_await grant_in(session, event);
        outcomes.push_back(outcome);
    }
    co_return outcomes;
}

}  // namespace

boost::asio::awaitable<std::vector<Voucher>> VoucherStore::list_for(std::string user_id) {
    pg::Params params{std::move(user_id)};
    auto r = co_await pool_.query("SELECT " + voucher_columns + " FROM vouchers WHERE user_id = $1 ORDER BY issued_at DESC, id",
                                  std::move(params));
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
    auto state = co_await pool_.query(
        "SELECT redeemed_at IS NOT NULL FROM vouchers WHERE id = $1::uuid AND user_id = $2", std::move(again));
    if (state.rows() == 0) co_return Failure::not_found;
    co_return state.get(0, 0) == "t" ? Failure::already_redeemed : Failure::expired;
}

boost::asio::awaitable<std::vector<GrantOutcome>> VoucherStore::grant(std::vector<events::FirstLogin> batch) {
    auto work = [batch = std::move(batch)](pg::Session& session) { return grant_each_in(session, batch); };
    auto outcomes = co_await pool_.transaction(std::move(work));
    co_return outcomes;
}

}  // namespace promotion

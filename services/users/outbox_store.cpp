#include "outbox_store.hpp"

#include "events/first_login.hpp"
#include "events/tokens_revoked.hpp"
#include "pg/blocking.hpp"
#include "pg/sql.hpp"

namespace users {
namespace {

const char* table(Outbox outbox) { return outbox == Outbox::first_logins ? "outbox" : "revocations"; }

// One Pending per row: column 0 is the row's id, `event_of(row)` reads its event from the other columns.
template <class ReadEvent>
std::vector<OutboxStore::Pending> pending(const pg::Result& rows, std::string_view type, ReadEvent event_of) {
  std::vector<OutboxStore::Pending> messages;
  for (int row = 0; row < rows.rows(); ++row) {
    const auto event = event_of(row);
    messages.push_back(
        {.id = rows.integer(row, 0),
         .message = {.body = events::encode(event), .message_id = event.event_id, .type = std::string(type)}});
  }
  return messages;
}

}  // namespace

std::vector<OutboxStore::Pending> OutboxStore::claim(Outbox outbox, std::size_t limit) {
  const std::string lock = " WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED";
  if (outbox == Outbox::first_logins) {
    const auto rows = connection_.exec(
        "SELECT id, event_id, user_id, user_identifier, " + pg::rfc3339_utc("occurred_at") + " FROM outbox" + lock,
        {std::to_string(limit)});
    return pending(rows, events::first_login_type, [&](int row) {
      return events::FirstLogin{.event_id = rows.text(row, 1),
                                .user_id = rows.text(row, 2),
                                .user_identifier = rows.text(row, 3),
                                .occurred_at = rows.text(row, 4)};
    });
  }
  const auto rows = connection_.exec("SELECT id, event_id, user_id, jti, issued_until, expires, " +
                                         pg::rfc3339_utc("occurred_at") + " FROM revocations" + lock,
                                     {std::to_string(limit)});
  return pending(rows, events::tokens_revoked_type, [&](int row) {
    return events::TokensRevoked{.event_id = rows.text(row, 1),
                                 .user_id = rows.text(row, 2),
                                 .jti = rows.optional_text(row, 3),
                                 .issued_until = rows.optional_text(row, 4) ? rows.integer(row, 4) : 0,
                                 .expires = rows.integer(row, 5),
                                 .occurred_at = rows.text(row, 6)};
  });
}

void OutboxStore::mark_published(Outbox outbox, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return;
  std::string array = "{";
  for (const auto id : ids) array += (array.size() > 1 ? "," : "") + std::to_string(id);
  connection_.exec(std::string("UPDATE ") + table(outbox) + " SET published_at = now() WHERE id = ANY($1::bigint[])",
                   {array + "}"});
}

OutboxStore::Backlog OutboxStore::backlog() {
  const auto row = connection_.exec(
      "SELECT count(*), COALESCE(extract(epoch FROM now() - min(occurred_at)), 0)::float8 FROM ("
      " SELECT occurred_at FROM outbox WHERE published_at IS NULL"
      " UNION ALL SELECT occurred_at FROM revocations WHERE published_at IS NULL) pending");
  return {.pending = row.integer(0, 0), .oldest_age_seconds = std::stod(row.text(0, 1))};
}

void OutboxStore::forget_expired_revocations(std::int64_t now, std::int64_t leeway) {
  connection_.exec("DELETE FROM revocations WHERE expires < $1::bigint AND published_at IS NOT NULL",
                   {std::to_string(now - leeway)});
}

}  // namespace users

#include "outbox_store.hpp"

#include "pg/blocking.hpp"
#include "pg/sql.hpp"

namespace users {

std::vector<OutboxStore::Pending> OutboxStore::claim(std::size_t limit) {
  const auto rows =
      connection_.exec("SELECT id, event_id, user_id, user_identifier, " + pg::rfc3339_utc("occurred_at") +
                           " FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1"
                           " FOR UPDATE SKIP LOCKED",
                       {std::to_string(limit)});
  std::vector<Pending> pending;
  for (int row = 0; row < rows.rows(); ++row) {
    pending.push_back({.id = rows.integer(row, 0),
                       .event = {.event_id = rows.text(row, 1),
                                 .user_id = rows.text(row, 2),
                                 .user_identifier = rows.text(row, 3),
                                 .occurred_at = rows.text(row, 4)}});
  }
  return pending;
}

void OutboxStore::mark_published(const std::vector<std::int64_t>& ids) {
  std::string array = "{";
  for (const auto id : ids) array += (array.size() > 1 ? "," : "") + std::to_string(id);
  connection_.exec("UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])", {array + "}"});
}

OutboxStore::Backlog OutboxStore::backlog() {
  const auto row = connection_.exec(
      "SELECT count(*), COALESCE(extract(epoch FROM now() - min(occurred_at)), 0)::float8"
      " FROM outbox WHERE published_at IS NULL");
  return {.pending = row.integer(0, 0), .oldest_age_seconds = std::stod(row.text(0, 1))};
}

}  // namespace users

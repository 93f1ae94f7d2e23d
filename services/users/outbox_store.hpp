#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "amqp/types.hpp"

namespace pg {
class BlockingConnection;
}

namespace users {

// The two outboxes the relay drains (design §4): first-login events (table outbox, written by
// UserStore::record_first_login) and logouts (table revocations, written by RevocationStore).
enum class Outbox { first_logins, revocations };

// The outboxes' SQL for the relay, on the relay's own blocking connection.
class OutboxStore {
 public:
  explicit OutboxStore(pg::BlockingConnection& connection) : connection_(connection) {}

  struct Pending {
    std::int64_t id;
    amqp::Message message;  // the event, encoded, with its event_id as message_id
  };
  // Inside a transaction: up to `limit` unpublished rows, oldest first, locked (FOR UPDATE SKIP LOCKED, so
  // replicas take different rows).
  std::vector<Pending> claim(Outbox outbox, std::size_t limit);
  void mark_published(Outbox outbox, const std::vector<std::int64_t>& ids);

  struct Backlog {
    std::int64_t pending = 0;
    double oldest_age_seconds = 0;  // 0 when nothing is pending
  };
  // Of both outboxes together.
  Backlog backlog();

  // Deletes published revocations whose tokens have all expired (`now` and `leeway` in seconds).
  void forget_expired_revocations(std::int64_t now, std::int64_t leeway);

 private:
  pg::BlockingConnection& connection_;
};

}  // namespace users

#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "events/first_login.hpp"

namespace pg {
class BlockingConnection;
}

namespace users {

// The outbox's SQL for the relay (design §4), on the relay's own blocking connection. The row itself is
// written by UserStore::record_first_login, in the statement that records the first login.
class OutboxStore {
 public:
  explicit OutboxStore(pg::BlockingConnection& connection) : connection_(connection) {}

  struct Pending {
    std::int64_t id;
    events::FirstLogin event;
  };
  // Inside a transaction: up to `limit` unpublished rows, oldest first, locked (FOR UPDATE SKIP LOCKED, so
  // replicas take different rows).
  std::vector<Pending> claim(std::size_t limit);
  void mark_published(const std::vector<std::int64_t>& ids);

  struct Backlog {
    std::int64_t pending = 0;
    double oldest_age_seconds = 0;  // 0 when nothing is pending
  };
  Backlog backlog();

 private:
  pg::BlockingConnection& connection_;
};

}  // namespace users

#pragma once
// A connection borrowed from a Pool for a sequence of statements (e.g. one transaction).

#include <boost/asio/awaitable.hpp>
#include <memory>
#include <string>

#include "pg/result.hpp"

namespace pg {

class Connection;
class Slots;

// Move-only. Returns its connection to the pool when destroyed; a connection that broke, or is left inside a
// transaction or a statement, is closed instead and the next borrower opens a fresh one.
class Session {
 public:
  Session(Session&& other) noexcept = default;
  Session& operator=(Session&&) = delete;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session();

  // Runs one statement; throws Error, or ConnectionLost when the connection broke (it is not retried).
  boost::asio::awaitable<Result> query(std::string sql, Params params = {});
  // COMMIT; throws Error when the server rolled the transaction back instead (an earlier statement failed).
  boost::asio::awaitable<void> commit();
  // ROLLBACK, ignoring failures: a connection that cannot roll back is closed when the session ends.
  boost::asio::awaitable<void> rollback();

 private:
  friend class Pool;      // the only place sessions come from
  friend class Pipeline;  // drives its session's connection in pipeline mode
  Session(std::shared_ptr<Slots> slots, std::shared_ptr<Connection> connection);
  std::shared_ptr<Slots> slots_;
  std::shared_ptr<Connection> connection_;
};

}  // namespace pg

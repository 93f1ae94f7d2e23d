#include "pg/session.hpp"

#include "pg/connection.hpp"
#include "pg/error.hpp"
#include "slots.hpp"

namespace pg {

Session::Session(std::shared_ptr<Slots> slots, std::shared_ptr<Connection> connection)
    : slots_(std::move(slots)), connection_(std::move(connection)) {}

Session::~Session() {
  if (!slots_) return;  // moved from
  if (connection_ && !connection_->reusable()) connection_.reset();
  slots_->give_back(std::move(connection_));
}

boost::asio::awaitable<Result> Session::query(std::string sql, Params params) {
  co_return co_await connection_->query(std::move(sql), std::move(params));
}

boost::asio::awaitable<void> Session::commit() {
  const Result result = co_await query("COMMIT");
  if (result.command() != "COMMIT") throw Error("transaction was rolled back: a statement in it had failed");
}

boost::asio::awaitable<void> Session::rollback() {
  try {
    co_await query("ROLLBACK");
  } catch (...) {  // NOLINT(bugprone-empty-catch): a broken connection is dropped by the destructor
  }
}

}  // namespace pg

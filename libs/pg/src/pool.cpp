#include "pg/pool.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "pg/connection.hpp"
#include "pipeline.hpp"
#include "slots.hpp"

namespace pg {

Pool::Pool(boost::asio::any_io_executor executor, PoolOptions options)
    : executor_(std::move(executor)),
      options_(std::move(options)),
      slots_(std::make_shared<Slots>(executor_, options_.size)),
      pipeline_(std::make_unique<Pipeline>(executor_, *this)) {}

Pool::~Pool() = default;

boost::asio::awaitable<Session> Pool::acquire() {
  // The session owns the slot from here on, so a failed connect still hands it back.
  Session session(slots_, co_await slots_->take(options_.acquire_timeout));
  if (session.connection_ && !session.connection_->reusable()) session.connection_.reset();
  if (!session.connection_) {
    PoolStats* stats = &slots_->stats;  // the slots outlive every connection (sessions hold them)
    ++stats->open;
    session.connection_.reset(new Connection(executor_), [stats](Connection* connection) {
      --stats->open;
      delete connection;
    });
    try {
      co_await session.connection_->connect(options_);
    } catch (...) {
      ++stats->connect_failures;
      throw;
    }
    ++stats->connects;
  }
  co_return session;
}

const PoolStats& Pool::stats() const { return slots_->stats; }

boost::asio::awaitable<Result> Pool::query(std::string sql, Params params) {
  Session session = co_await acquire();
  co_return co_await session.query(std::move(sql), std::move(params));
}

boost::asio::awaitable<Result> Pool::read(std::string sql, Params params) {
  co_return co_await pipeline_->query(std::move(sql), std::move(params));
}

boost::asio::awaitable<bool> Pool::select_one() {
  try {
    co_await query("SELECT 1");
    co_return true;
  } catch (const std::exception&) {
    co_return false;
  }
}

boost::asio::awaitable<bool> Pool::ping(std::chrono::milliseconds timeout) {
  using namespace boost::asio::experimental::awaitable_operators;
  boost::asio::steady_timer timer(executor_, timeout);
  auto outcome = co_await (select_one() || timer.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable)));
  co_return outcome.index() == 0 && std::get<0>(outcome);
}

}  // namespace pg

#include "pipeline.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/concurrent_channel.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <optional>
#include <utility>

#include "pg/connection.hpp"
#include "pg/error.hpp"
#include "pg/pool.hpp"
#include "raise.hpp"
#include "slots.hpp"

namespace pg {

namespace asio = boost::asio;

// One borrower's statement; the driver completes it exactly once and wakes the borrower on its own executor.
struct Pipeline::Request {
  Request(const asio::any_io_executor& executor, std::string sql_in, Params params_in)
      : sql(std::move(sql_in)), params(std::move(params_in)), done(executor, 1) {}

  void complete(Result rows) {
    result = std::move(rows);
    done.try_send(boost::system::error_code{});
  }
  void fail(std::exception_ptr error) {
    failure = std::move(error);
    done.try_send(boost::system::error_code{});
  }

  std::string sql;
  Params params;
  bool resent_stale = false;  // sent again once already after a schema change invalidated its plan
  std::optional<Result> result;
  std::exception_ptr failure;
  asio::experimental::concurrent_channel<void(boost::system::error_code)> done;
};

Pipeline::Pipeline(asio::any_io_executor executor, Pool& pool) : executor_(std::move(executor)), pool_(pool) {}

Pipeline::~Pipeline() = default;

asio::awaitable<Result> Pipeline::query(std::string sql, Params params) {
  const auto executor = co_await asio::this_coro::executor;
  auto request = std::make_shared<Request>(executor, std::move(sql), std::move(params));
  bool start = false;
  {
    const std::lock_guard lock{mutex_};
    waiting_.push_back(request);
    start = !std::exchange(driving_, true);
  }
  if (start) asio::co_spawn(executor_, drive(), asio::detached);
  co_await request->done.async_receive(asio::use_awaitable);
  if (request->failure) std::rethrow_exception(request->failure);
  co_return std::move(*request->result);
}

asio::awaitable<void> Pipeline::drive() {
  for (bool statements_wait = true; statements_wait;) {
    std::optional<Session> session;
    std::exception_ptr no_connection;
    try {
      session.emplace(co_await pool_.acquire());
    } catch (...) {
      no_connection = std::current_exception();
    }
    if (no_connection) {  // the database is unavailable: so is every statement waiting for it
      Requests failed;
      {
        const std::lock_guard lock{mutex_};
        failed.swap(waiting_);
        driving_ = false;
      }
      fail_all(failed, no_connection);
      co_return;
    }
    statements_wait = co_await run_on(*session);
  }
}

asio::awaitable<bool> Pipeline::run_on(Session& session) {
  Connection& connection = *session.connection_;
  Requests in_flight;
  Requests again;  // did not run (an earlier statement of their batch failed) or ran on a stale plan
  std::exception_ptr broken;
  try {
    connection.enter_pipeline();
    for (;;) {
      // Another borrower waits for a connection: send nothing more, then let them have it and queue up behind.
      const bool handing_over = session.slots_->contended();
      if (handing_over && in_flight.empty()) break;
      Requests batch = handing_over ? Requests{} : take_batch(in_flight.empty());
      if (batch.empty() && in_flight.empty()) {
        connection.exit_pipeline();
        co_return false;
      }
      if (!batch.empty()) {
        in_flight.insert(in_flight.end(), batch.begin(), batch.end());
        for (const auto& request : batch) connection.send(request->sql, request->params);
        connection.sync();
        PoolStats& stats = session.slots_->stats;
        stats.reads += batch.size();
        ++stats.read_batches;
        co_await connection.flush();
      }
      do {  // at least the oldest statement, then every one whose rows are already here
        auto request = in_flight.front();
        try {
          request->complete(co_await connection.receive());
        } catch (const detail::PipelineAborted&) {
          again.push_back(request);
        } catch (const ConnectionLost&) {
          throw;  // the request is still in in_flight: failed below with the others
        } catch (const Error& error) {
          if (detail::is_stale_plan(error) && !request->resent_stale) {
            request->resent_stale = true;
            again.push_back(request);
          } else {
            request->fail(std::current_exception());
          }
        }
        in_flight.pop_front();
      } while (!in_flight.empty() && connection.ready());
      send_again(again);
    }
    connection.exit_pipeline();
  } catch (...) {
    broken = std::current_exception();  // the session drops the connection: it is not reusable
  }
  if (broken) {
    send_again(again);
    fail_all(in_flight, broken);
  }
  const std::lock_guard lock{mutex_};
  if (waiting_.empty()) driving_ = false;
  co_return driving_;
}

Pipeline::Requests Pipeline::take_batch(bool stop_when_idle) {
  Requests batch;
  const std::lock_guard lock{mutex_};
  while (!waiting_.empty() && batch.size() < max_batch) {
    batch.push_back(std::move(waiting_.front()));
    waiting_.pop_front();
  }
  if (batch.empty() && stop_when_idle) driving_ = false;
  return batch;
}

void Pipeline::send_again(Requests& requests) {
  if (requests.empty()) return;
  const std::lock_guard lock{mutex_};
  waiting_.insert(waiting_.begin(), requests.begin(), requests.end());
  requests.clear();
}

void Pipeline::fail_all(Requests& requests, const std::exception_ptr& failure) {
  for (const auto& request : requests) request->fail(failure);
  requests.clear();
}

}  // namespace pg

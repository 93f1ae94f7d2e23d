#include "http/health.hpp"

#include <gtest/gtest.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

namespace http {
namespace {

Response call(const Handler& handler) {
  boost::asio::io_context io;
  auto future = boost::asio::co_spawn(io, handler(RequestContext{}), boost::asio::use_future);
  io.run();
  return future.get();
}

boost::asio::awaitable<bool> answer(bool ready) { co_return ready; }

TEST(Health, LivenessIsAlwaysOk) {
  const Response response = call(liveness());
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(response.body(), R"({"status":"success"})");
}

TEST(Health, ReadinessNamesEveryFailedCheck) {
  const auto ok = [] { return answer(true); };
  const auto down = [] { return answer(false); };
  const Response ready = call(readiness({{"database", ok}, {"broker", ok}}));
  EXPECT_EQ(ready.result(), Status::ok);
  EXPECT_EQ(ready.body(), R"({"status":"success","checks":{"database":"ok","broker":"ok"}})");
  const Response not_ready = call(readiness({{"database", down}, {"broker", ok}}));
  EXPECT_EQ(not_ready.result(), Status::service_unavailable);
  EXPECT_EQ(not_ready[Field::retry_after], "5");
  EXPECT_EQ(not_ready.body(),
            R"({"status":"error","message":"not ready: database","checks":{"database":"unavailable","broker":"ok"}})");
}

}  // namespace
}  // namespace http

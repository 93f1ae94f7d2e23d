#pragma once
// The pool tests' fixture: TEST_PG_URI (the tests skip without it), pool options, and running coroutines.

#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "pg/blocking.hpp"
#include "pg/pool.hpp"

namespace asio = boost::asio;

class PoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* uri = std::getenv("TEST_PG_URI");
    if (uri == nullptr) GTEST_SKIP() << "TEST_PG_URI is not set";
    uri_ = uri;
  }

  pg::PoolOptions options(std::size_t size, std::string application_name = "pg_pool_test") const {
    pg::PoolOptions result;
    result.uri = uri_;
    result.size = size;
    result.application_name = std::move(application_name) + "_" + std::to_string(::getpid());
    return result;
  }

  // Runs `task` to completion on io_ with `threads` threads.
  template <class T>
  T run(asio::awaitable<T> task, int threads = 1) {
    auto future = asio::co_spawn(io_, std::move(task), asio::use_future);
    io_.restart();
    std::vector<std::thread> extra;
    for (int i = 1; i < threads; ++i) extra.emplace_back([this] { io_.run(); });
    io_.run();
    for (auto& thread : extra) thread.join();
    return future.get();
  }

  // Ends the backend `pid` as an administrator would, and waits until it is gone.
  void terminate_backend(const std::string& pid) const {
    pg::BlockingConnection admin(uri_);
    admin.exec("SELECT pg_terminate_backend($1::int)", {pid});
    for (int i = 0; i < 100 && admin.exec("SELECT 1 FROM pg_stat_activity WHERE pid = $1::int", {pid}).rows() > 0;
         ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  std::string uri_;
  asio::io_context io_;
};

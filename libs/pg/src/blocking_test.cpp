// Integration tests of the blocking connection; they need TEST_PG_URI and skip without it.
#include "pg/blocking.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "pg/error.hpp"

namespace {

class BlockingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* uri = std::getenv("TEST_PG_URI");
    if (uri == nullptr) GTEST_SKIP() << "TEST_PG_URI is not set";
    uri_ = uri;
  }
  std::string uri_;
};

TEST_F(BlockingTest, ExecBindsParameters) {
  pg::BlockingConnection conn(uri_);
  EXPECT_TRUE(conn.ok());
  const auto r = conn.exec("SELECT $1::int + 1, $2::text IS NULL", {"41", std::nullopt});
  EXPECT_EQ(r.get(0, 0), "42");
  EXPECT_EQ(r.get(0, 1), "t");
}

TEST_F(BlockingTest, ExecScriptRunsSeveralStatements) {
  pg::BlockingConnection conn(uri_);
  const auto r = conn.exec_script("CREATE TEMP TABLE t (x int); INSERT INTO t VALUES (1), (2); SELECT sum(x) FROM t;");
  EXPECT_EQ(r.get(0, 0), "3");
  EXPECT_THROW(conn.exec_script("SELECT 1; SELECT * FROM no_such_table;"), pg::Error);
}

TEST_F(BlockingTest, ErrorsCarrySqlstate) {
  pg::BlockingConnection conn(uri_);
  try {
    conn.exec("SELECT 1/0");
    FAIL() << "no error";
  } catch (const pg::Error& e) {
    EXPECT_EQ(e.sqlstate, "22012");
  }
  EXPECT_TRUE(conn.ok());
}

TEST_F(BlockingTest, ListenWaitsForNotifications) {
  pg::BlockingConnection listener(uri_);
  pg::BlockingConnection notifier(uri_);
  const std::string channel = "Outbox Channel";  // needs quoting
  listener.listen(channel);
  EXPECT_FALSE(listener.wait_for_notification(std::chrono::milliseconds(50)));
  notifier.exec("SELECT pg_notify($1, 'a'), pg_notify($1, 'b')", {channel});  // one commit: both arrive together
  EXPECT_TRUE(listener.wait_for_notification(std::chrono::seconds(5)));
  EXPECT_FALSE(listener.wait_for_notification(std::chrono::milliseconds(50)));  // both were drained
}

TEST_F(BlockingTest, QuoteIdentifier) {
  pg::BlockingConnection conn(uri_);
  EXPECT_EQ(conn.quote_identifier("we\"ird"), "\"we\"\"ird\"");
}

}  // namespace

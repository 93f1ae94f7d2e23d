// Integration tests of statements through the pool: parameters, errors, transactions, timeouts, typed
// reads, prepared statements. They need TEST_PG_URI and skip without it.
#include <stdexcept>

#include "pg/uri.hpp"
#include "pool_test_fixture.hpp"

namespace {

TEST_F(PoolTest, ParametersAreBoundAsData) {
  pg::Pool pool(io_.get_executor(), options(2));
  const std::string injection = "'); DROP TABLE pg_class; --";
  const std::string unicode = "Grüße, 世界 🙂";
  const auto result =
      run(pool.query("SELECT $1::text, $2::text, $3::text, length($3::text)", {injection, std::nullopt, unicode}));
  ASSERT_EQ(result.rows(), 1);
  EXPECT_EQ(result.get(0, 0), injection);
  EXPECT_TRUE(result.is_null(0, 1));
  EXPECT_EQ(result.get_optional(0, 1), std::nullopt);
  EXPECT_EQ(result.get(0, 2), unicode);
  EXPECT_EQ(result.get(0, 3), "11");  // characters, not bytes
}

TEST_F(PoolTest, UniqueViolationCarriesSqlstateAndConstraint) {
  pg::Pool pool(io_.get_executor(), options(1));
  try {
    run([&]() -> asio::awaitable<void> {
      auto session = co_await pool.acquire();
      co_await session.query("CREATE TEMP TABLE things (id int CONSTRAINT things_pkey PRIMARY KEY)");
      const auto inserted = co_await session.query("INSERT INTO things VALUES ($1)", {"1"});
      EXPECT_EQ(inserted.affected(), 1);
      co_await session.query("INSERT INTO things VALUES ($1)", {"1"});
    }());
    FAIL() << "the duplicate was accepted";
  } catch (const pg::ConnectionLost& e) {
    FAIL() << "connection lost: " << e.what();
  } catch (const pg::Error& e) {
    EXPECT_TRUE(pg::is_unique_violation(e)) << e.sqlstate;
    EXPECT_EQ(e.constraint, "things_pkey");
  }
}

TEST_F(PoolTest, TransactionCommitsAndRollsBackOnException) {
  pg::Pool pool(io_.get_executor(), options(1));  // one connection, so its temporary table stays visible
  const std::string table = "pg_tx_test";
  run(pool.query("CREATE TEMP TABLE " + table + " (id serial PRIMARY KEY, name text NOT NULL)"));
  const auto count = [&] { return std::string(run(pool.query("SELECT count(*) FROM " + table)).get(0, 0)); };

  const auto id = run(pool.transaction([&](pg::Session& s) -> asio::awaitable<std::string> {
    auto r = co_await s.query("INSERT INTO " + table + " (name) VALUES ($1) RETURNING id", {"kept"});
    co_return std::string(r.get(0, 0));
  }));
  EXPECT_FALSE(id.empty());
  EXPECT_EQ(count(), "1");

  EXPECT_THROW(run(pool.transaction([&](pg::Session& s) -> asio::awaitable<void> {
                 co_await s.query("INSERT INTO " + table + " (name) VALUES ($1)", {"dropped"});
                 throw std::runtime_error("changed my mind");
               })),
               std::runtime_error);
  EXPECT_EQ(count(), "1");

  // A failed statement whose error f swallowed still cannot commit.
  EXPECT_THROW(run(pool.transaction([&](pg::Session& s) -> asio::awaitable<void> {
                 co_await s.query("INSERT INTO " + table + " (name) VALUES ($1)", {"dropped"});
                 try {
                   co_await s.query("INSERT INTO " + table + " (name) VALUES ($1)", {std::nullopt});
                 } catch (const pg::Error&) {}
               })),
               pg::Error);
  EXPECT_EQ(count(), "1");
}

TEST_F(PoolTest, StatementTimeoutRaises57014AndThePoolRecovers) {
  auto opts = options(1);
  opts.statement_timeout = std::chrono::milliseconds(100);
  pg::Pool pool(io_.get_executor(), opts);
  try {
    run(pool.query("SELECT pg_sleep(5)"));
    ADD_FAILURE() << "the statement was not cancelled";
  } catch (const pg::Error& e) {
    EXPECT_TRUE(pg::is_query_canceled(e)) << e.sqlstate;
  }
  EXPECT_EQ(run(pool.query("SELECT 7")).get(0, 0), "7");
}

TEST_F(PoolTest, TypedColumnReads) {
  pg::Pool pool(io_.get_executor(), options(1));
  const auto r = run(pool.query("SELECT 42::int, true, NULL::text, 'x'::text, 'abc'::text"));
  EXPECT_EQ(r.integer(0, 0), 42);
  EXPECT_TRUE(r.boolean(0, 1));
  EXPECT_EQ(r.optional_text(0, 2), std::nullopt);
  EXPECT_EQ(r.optional_text(0, 3), "x");
  EXPECT_THROW((void)r.integer(0, 4), std::invalid_argument);
  EXPECT_THROW((void)r.boolean(0, 0), std::invalid_argument);
}

TEST_F(PoolTest, APreparedStatementSurvivesASchemaChangeAndAReconnect) {
  const std::string database = "pool_prepared_" + std::to_string(::getpid());
  const std::string server_uri = uri_;
  pg::BlockingConnection(server_uri).exec("CREATE DATABASE " + database);
  uri_ = pg::with_database(uri_, database);
  const std::string table = "prepared";
  pg::BlockingConnection admin(uri_);
  admin.exec("CREATE TABLE " + table + " (a int)");
  admin.exec("INSERT INTO " + table + " VALUES (1)");
  pg::Pool pool(io_.get_executor(), options(1));
  const std::string select = "SELECT * FROM " + table + " WHERE a = $1";
  const auto columns = [&] { return run(pool.query(select, {"1"})).columns(); };
  EXPECT_EQ(columns(), 1);
  admin.exec("ALTER TABLE " + table + " ADD COLUMN b int");
  EXPECT_EQ(columns(), 2) << "prepared again after 'cached plan must not change result type', retried once";
  const std::string pid(run(pool.query("SELECT pg_backend_pid()")).get(0, 0));
  terminate_backend(pid);
  try {
    run(pool.query(select, {"1"}));
  } catch (const pg::ConnectionLost&) {  // the caller's to retry
  }
  EXPECT_EQ(columns(), 2) << "a new connection prepares its statements anew";
  EXPECT_EQ(run(pool.query("SELECT count(*) FROM pg_prepared_statements")).get(0, 0), "2")
      << "this session prepared the select and the count itself";
  pg::BlockingConnection(server_uri).exec("DROP DATABASE " + database + " WITH (FORCE)");
}

}  // namespace

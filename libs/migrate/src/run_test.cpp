// Integration tests of migrate::run; they need TEST_PG_URI (a role allowed to CREATE DATABASE) and skip without it.
#include "migrate/run.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <thread>

#include "pg/blocking.hpp"
#include "pg/uri.hpp"

namespace {

namespace fs = std::filesystem;

class RunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* uri = std::getenv("TEST_PG_URI");
    if (uri == nullptr) GTEST_SKIP() << "TEST_PG_URI is not set";
    server_uri_ = uri;
    const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    db_name_ =
        "migrate_test_" + std::to_string(::getpid()) + "_" + std::to_string(std::hash<std::string>{}(test) % 100000);
    db_uri_ = pg::with_database(server_uri_, db_name_);
    dir_ = fs::temp_directory_path() / db_name_;
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    drop_database();
  }
  void TearDown() override {
    if (server_uri_.empty()) return;
    drop_database();
    fs::remove_all(dir_);
  }
  void drop_database() const {
    pg::BlockingConnection admin(server_uri_);
    admin.exec("DROP DATABASE IF EXISTS " + admin.quote_identifier(db_name_) + " WITH (FORCE)");
  }
  void write(const std::string& name, const std::string& text) const { std::ofstream(dir_ / name) << text; }
  migrate::Report migrate() const {
    return migrate::run(db_uri_, dir_, [](const std::string& line) { std::cout << "  migrate: " << line << '\n'; });
  }
  std::string scalar(const std::string& sql) const {
    pg::BlockingConnection conn(db_uri_);
    return std::string(conn.exec(sql).get(0, 0));
  }

  std::string server_uri_;
  std::string db_name_;
  std::string db_uri_;
  fs::path dir_;
};

TEST_F(RunTest, CreatesTheDatabaseAppliesInOrderAndIsIdempotent) {
  write("10_second.sql",
        "INSERT INTO widgets (name) VALUES ('a'), ('b');\nCREATE INDEX widgets_name ON widgets (name);\n");
  write("9_first.sql", "CREATE TABLE widgets (id serial PRIMARY KEY, name text NOT NULL);");
  const auto first = migrate();
  EXPECT_EQ(first.applied, (std::vector<std::string>{"9_first.sql", "10_second.sql"}));
  EXPECT_EQ(scalar("SELECT count(*) FROM widgets"), "2");
  EXPECT_EQ(scalar("SELECT string_agg(version::text || ':' || name, ',' ORDER BY version) FROM schema_migrations"),
            "9:9_first.sql,10:10_second.sql");
  EXPECT_EQ(scalar("SELECT length(checksum) FROM schema_migrations LIMIT 1"), "64");
  EXPECT_TRUE(migrate().applied.empty());

  write("11_third.sql", "ALTER TABLE widgets ADD COLUMN size int;");
  EXPECT_EQ(migrate().applied, (std::vector<std::string>{"11_third.sql"}));
}

TEST_F(RunTest, RefusesAChangedFileAndAppliesNothing) {
  write("1_first.sql", "CREATE TABLE a (id int);");
  migrate();
  write("1_first.sql", "CREATE TABLE a (id bigint);");
  write("2_second.sql", "CREATE TABLE b (id int);");
  EXPECT_THROW(migrate(), migrate::Error);
  EXPECT_EQ(scalar("SELECT count(*) FROM schema_migrations"), "1");
  EXPECT_EQ(scalar("SELECT to_regclass('b') IS NULL"), "t");
}

TEST_F(RunTest, RefusesWhenAnAppliedFileIsMissing) {
  write("1_first.sql", "CREATE TABLE a (id int);");
  migrate();
  fs::remove(dir_ / "1_first.sql");
  EXPECT_THROW(migrate(), migrate::Error);
}

TEST_F(RunTest, AFailingFileIsRolledBackAndNamed) {
  write("1_good.sql", "CREATE TABLE a (id int);");
  write("2_bad.sql", "CREATE TABLE b (id int);\nSELECT * FROM no_such_table;");
  try {
    migrate();
    FAIL() << "the bad migration passed";
  } catch (const migrate::Error& e) {
    EXPECT_NE(std::string(e.what()).find("2_bad.sql"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("42P01"), std::string::npos) << e.what();
  }
  EXPECT_EQ(scalar("SELECT string_agg(name, ',') FROM schema_migrations"), "1_good.sql");
  EXPECT_EQ(scalar("SELECT to_regclass('b') IS NULL"), "t");
}

TEST_F(RunTest, ConcurrentRunsSerializeAndApplyOnce) {
  write("1_a.sql", "CREATE TABLE a (id int); SELECT pg_sleep(0.2);");
  write("2_b.sql", "CREATE TABLE b (id int);");
  write("3_c.sql", "INSERT INTO a VALUES (1);");
  std::vector<migrate::Report> reports(4);
  std::vector<std::string> errors(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    threads.emplace_back([&, i] {
      try {
        reports[i] = migrate::run(db_uri_, dir_, [](const std::string&) {});
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  std::size_t applied = 0;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    EXPECT_EQ(errors[i], "") << "run " << i;
    applied += reports[i].applied.size();
  }
  EXPECT_EQ(applied, 3U);
  EXPECT_EQ(scalar("SELECT count(*) FROM a"), "1");
  EXPECT_EQ(scalar("SELECT count(*) FROM schema_migrations"), "3");
}

}  // namespace

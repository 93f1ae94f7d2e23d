#include "service/settings.hpp"

#include <gtest/gtest.h>

#include "config/error.hpp"

namespace service {
namespace {

pg::PoolOptions pool_of(std::size_t size) {
  pg::PoolOptions pool;
  pool.uri = "postgresql://app@localhost/users";
  pool.size = size;
  return pool;
}

TEST(WorkerPool, SharesThePoolOutRoundingUp) {
  EXPECT_EQ(worker_pool(pool_of(8), 4).size, 2U);
  EXPECT_EQ(worker_pool(pool_of(8), 3).size, 3U);
  EXPECT_EQ(worker_pool(pool_of(8), 1).size, 8U);
  EXPECT_EQ(worker_pool(pool_of(2), 4).size, 1U) << "every worker gets a connection";
  EXPECT_EQ(worker_pool(pool_of(8), 4).uri, "postgresql://app@localhost/users") << "only the size changes";
}

TEST(DatabaseSettings, EachServiceHasItsOwnDatabaseAndMigrations) {
  const config::Env env{{{"DB_URI", "postgresql://app@db:5432"}, {"PROMOTION_MIGRATIONS_DIR", "/srv/migrations"}}};
  const auto users = database_settings(env, "users", "/src/users/migrations");
  EXPECT_EQ(users.pool.uri, "postgresql://app@db:5432/users");
  EXPECT_EQ(users.migrations_dir, "/src/users/migrations");
  EXPECT_EQ(users.pool.application_name, "users-service");
  EXPECT_EQ(database_settings(env, "promotion", "/src").migrations_dir, "/srv/migrations");
}

TEST(BrokerSettings, RefusesAnUriOfAnotherScheme) {
  const config::Env env{{{"MQ_URI", "http://broker"}}};
  try {
    broker_settings(env);
    ADD_FAILURE() << "accepted http://";
  } catch (const config::Error& error) {
    EXPECT_NE(std::string(error.what()).find("MQ_URI"), std::string::npos);
  }
}

}  // namespace
}  // namespace service

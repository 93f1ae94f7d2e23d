#include "config/database_uri.hpp"

#include <gtest/gtest.h>

TEST(DatabaseUri, AppendsTheServiceDatabaseWhenNoneIsNamed) {
  config::Env env{{{"DB_URI", "postgresql://app:app@127.0.0.1:21432"}}};
  EXPECT_EQ(config::database_uri(env, "users"), "postgresql://app:app@127.0.0.1:21432/users");
  EXPECT_EQ(config::database_uri(env, "promotion"), "postgresql://app:app@127.0.0.1:21432/promotion");
}

TEST(DatabaseUri, KeepsANamedDatabaseAndPrefersTheServiceSetting) {
  config::Env env{{{"DB_URI", "postgresql://h/shared"}, {"USERS_DB_URI", "postgresql://h2/u1"}}};
  EXPECT_EQ(config::database_uri(env, "promotion"), "postgresql://h/shared");
  EXPECT_EQ(config::database_uri(env, "users"), "postgresql://h2/u1");
}

TEST(DatabaseUri, RejectsMissingOrForeignSchemes) {
  EXPECT_THROW(config::database_uri(config::Env{{}}, "users"), config::Error);
  EXPECT_THROW(config::database_uri(config::Env{{{"DB_URI", "mysql://x/y"}}}, "users"), config::Error);
}

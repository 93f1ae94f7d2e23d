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

TEST(DatabaseUri, AppendsTheDatabaseToAHostListAndKeepsTheParameters) {
  config::Env env{{{"DB_URI", "postgresql://app:app@10.0.0.1:5432,10.0.0.2:5432/?target_session_attrs=read-write"}}};
  EXPECT_EQ(config::database_uri(env, "users"),
            "postgresql://app:app@10.0.0.1:5432,10.0.0.2:5432/users?target_session_attrs=read-write");
  config::Env bare{{{"DB_URI", "postgresql://app:p%2Fw@h1,h2?connect_timeout=3"}}};
  EXPECT_EQ(config::database_uri(bare, "promotion"), "postgresql://app:p%2Fw@h1,h2/promotion?connect_timeout=3");
  config::Env named{{{"DB_URI", "postgresql://h1:1,h2:2/shared?target_session_attrs=read-write"}}};
  EXPECT_EQ(config::database_uri(named, "users"), "postgresql://h1:1,h2:2/shared?target_session_attrs=read-write");
}

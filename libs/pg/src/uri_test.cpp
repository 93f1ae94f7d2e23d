#include "pg/uri.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace {

TEST(WithDatabase, ReplacesTheDatabaseAndKeepsEverythingElse) {
  EXPECT_EQ(pg::with_database("postgresql://app:secret@db.local:5432/postgres?sslmode=disable", "users"),
            "postgresql://app:secret@db.local:5432/users?sslmode=disable");
}

TEST(WithDatabase, AddsADatabaseWhenTheUriHasNone) {
  EXPECT_EQ(pg::with_database("postgresql://app@localhost", "users"), "postgresql://app@localhost/users");
  EXPECT_EQ(pg::with_database("postgres://localhost?application_name=x", "promotion"),
            "postgres://localhost/promotion?application_name=x");
  EXPECT_EQ(pg::with_database("postgresql://", "users"), "postgresql:///users");
}

TEST(WithDatabase, ASlashInThePasswordDoesNotEndTheHost) {
  EXPECT_EQ(pg::with_database("postgresql://app:pa/ss@host:1/old", "new"), "postgresql://app:pa/ss@host:1/new");
}

TEST(WithDatabase, PercentEncodesTheName) {
  EXPECT_EQ(pg::with_database("postgresql://h/x", "my db/1"), "postgresql://h/my%20db%2F1");
}

TEST(WithDatabase, RejectsWhatIsNotAUri) {
  EXPECT_THROW(pg::with_database("host=localhost dbname=x", "users"), std::invalid_argument);
  EXPECT_THROW(pg::with_database("mysql://h/x", "users"), std::invalid_argument);
}

TEST(DatabaseOf, ReadsAndDecodesTheName) {
  EXPECT_EQ(pg::database_of("postgresql://app:app@127.0.0.1:5432/users?sslmode=disable"), "users");
  EXPECT_EQ(pg::database_of("postgresql://h/my%20db"), "my db");
  EXPECT_EQ(pg::database_of("postgresql://h"), "");
  EXPECT_EQ(pg::database_of("postgresql://h/"), "");
}

TEST(DatabaseOf, RoundTripsWithWithDatabase) {
  EXPECT_EQ(pg::database_of(pg::with_database("postgresql://u:p@h:1/a?x=1", "ü name%")), "ü name%");
}

}  // namespace

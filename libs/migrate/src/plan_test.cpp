#include "migrate/plan.hpp"

#include <gtest/gtest.h>

namespace {

migrate::MigrationFile file(std::int64_t version, const std::string& checksum) {
  return {version, std::to_string(version) + "_m.sql", "", "", checksum};
}

std::vector<std::int64_t> versions(const std::vector<migrate::MigrationFile>& files) {
  std::vector<std::int64_t> out;
  for (const auto& f : files) out.push_back(f.version);
  return out;
}

TEST(Plan, PendingFilesComeInNumericOrder) {
  const auto pending = migrate::plan({file(10, "a"), file(9, "b"), file(100, "c")}, {});
  EXPECT_EQ(versions(pending), (std::vector<std::int64_t>{9, 10, 100}));
}

TEST(Plan, SkipsAppliedFiles) {
  const auto pending = migrate::plan({file(1, "a"), file(2, "b"), file(3, "c")}, {{1, "a"}, {3, "c"}});
  EXPECT_EQ(versions(pending), (std::vector<std::int64_t>{2}));
}

TEST(Plan, NothingPendingWhenAllApplied) { EXPECT_TRUE(migrate::plan({file(1, "a")}, {{1, "a"}}).empty()); }

TEST(Plan, RefusesAChangedFile) {
  try {
    migrate::plan({file(1, "a"), file(2, "new")}, {{1, "changed"}});
    FAIL() << "accepted a changed checksum";
  } catch (const migrate::Error& e) {
    EXPECT_NE(std::string(e.what()).find("1_m.sql"), std::string::npos) << e.what();
  }
}

TEST(Plan, RefusesAMissingFile) { EXPECT_THROW(migrate::plan({file(2, "b")}, {{1, "a"}, {2, "b"}}), migrate::Error); }

}  // namespace

#include "migrate/files.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace {

namespace fs = std::filesystem;

class FilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("migrate_files_test_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) const { std::ofstream(dir_ / name) << text; }
  fs::path dir_;
};

TEST_F(FilesTest, LoadsSortedByVersionWithChecksums) {
  write("10_second.sql", "SELECT 2;");
  write("9_first.sql", "");
  write("README.md", "ignored");
  const auto files = migrate::load_directory(dir_);
  ASSERT_EQ(files.size(), 2U);
  EXPECT_EQ(files[0].version, 9);
  EXPECT_EQ(files[0].name, "9_first.sql");
  EXPECT_EQ(files[0].checksum, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");  // sha256("")
  EXPECT_EQ(files[1].version, 10);
  EXPECT_EQ(files[1].sql, "SELECT 2;");
  EXPECT_EQ(files[1].path, (dir_ / "10_second.sql").string());
}

TEST_F(FilesTest, RejectsBadlyNamedSqlFiles) {
  for (const std::string bad : {"create_users.sql", "12-create.sql", "12_Create.sql", "12_.sql", "_x.sql", "12_a-b.sql",
                                "-1_x.sql", "99999999999999999999_x.sql"}) {
    SetUp();
    write(bad, "");
    EXPECT_THROW(migrate::load_directory(dir_), migrate::Error) << bad;
  }
}

TEST_F(FilesTest, RejectsDuplicateVersions) {
  write("5_a.sql", "");
  write("5_b.sql", "");
  EXPECT_THROW(migrate::load_directory(dir_), migrate::Error);
}

TEST_F(FilesTest, RejectsAMissingDirectory) { EXPECT_THROW(migrate::load_directory(dir_ / "nope"), migrate::Error); }

}  // namespace

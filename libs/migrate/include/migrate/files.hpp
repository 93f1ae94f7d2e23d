#pragma once
// Migration files: "<unix-timestamp>_<name>.sql" in one directory, applied in version order.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "migrate/error.hpp"

namespace migrate {

struct MigrationFile {
  std::int64_t version;  // the leading number
  std::string name;      // the file name, e.g. "1700000000_create_users.sql"
  std::string path;
  std::string sql;       // the file's bytes
  std::string checksum;  // SHA-256 of the bytes, lowercase hex
};

// Every *.sql file of `dir`, sorted by version. Throws Error for a .sql file not named like
// "123_lower_case_name.sql", for two files with the same version, or when `dir` cannot be read.
// Other files (README, editor backups without .sql) are ignored.
std::vector<MigrationFile> load_directory(const std::filesystem::path& dir);

}  // namespace migrate

#include "migrate/files.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <optional>
#include <sstream>

#include "checksum.hpp"

namespace migrate {
namespace {

bool valid_name(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// The version of a file named "<digits>_<[a-z0-9_]+>.sql", or nullopt.
std::optional<std::int64_t> version_of(std::string_view file_name) {
  constexpr std::string_view suffix = ".sql";
  if (!file_name.ends_with(suffix)) return std::nullopt;
  const std::string_view stem = file_name.substr(0, file_name.size() - suffix.size());
  const std::size_t underscore = stem.find('_');
  if (underscore == 0 || underscore == std::string_view::npos || !valid_name(stem.substr(underscore + 1))) {
    return std::nullopt;
  }
  std::int64_t version = 0;
  const char* end = stem.data() + underscore;
  const auto [stop, error] = std::from_chars(stem.data(), end, version);
  if (error != std::errc{} || stop != end || stem.front() == '-' || stem.front() == '+') return std::nullopt;
  return version;
}

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw Error("cannot read migration " + path.string());
  return bytes.str();
}

}  // namespace

std::vector<MigrationFile> load_directory(const std::filesystem::path& dir) {
  std::error_code error;
  std::filesystem::directory_iterator entries(dir, error);
  if (error) throw Error("cannot read migrations directory " + dir.string() + ": " + error.message());
  std::vector<MigrationFile> files;
  for (const auto& entry : entries) {
    const std::string file_name = entry.path().filename().string();
    if (!entry.is_regular_file() || entry.path().extension() != ".sql") continue;
    const auto version = version_of(file_name);
    if (!version) {
      throw Error("bad migration file name " + file_name +
                  ": expected <unix-timestamp>_<name>.sql with a name of [a-z0-9_]");
    }
    std::string sql = read_bytes(entry.path());
    std::string checksum = detail::sha256_hex(sql);
    files.push_back({*version, file_name, entry.path().string(), std::move(sql), std::move(checksum)});
  }
  std::sort(files.begin(), files.end(), [](const MigrationFile& a, const MigrationFile& b) {
    return a.version != b.version ? a.version < b.version : a.name < b.name;
  });
  const auto twin = std::adjacent_find(files.begin(), files.end(),
                                       [](const auto& a, const auto& b) { return a.version == b.version; });
  if (twin != files.end()) {
    throw Error("migrations " + twin->name + " and " + std::next(twin)->name + " share version " +
                std::to_string(twin->version));
  }
  return files;
}

}  // namespace migrate

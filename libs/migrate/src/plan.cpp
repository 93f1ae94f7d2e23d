#include "migrate/plan.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace migrate {

std::vector<MigrationFile> plan(const std::vector<MigrationFile>& files, const std::vector<Applied>& applied) {
  std::unordered_map<std::int64_t, const MigrationFile*> by_version;
  for (const auto& file : files) by_version.emplace(file.version, &file);
  for (const auto& row : applied) {
    const auto found = by_version.find(row.version);
    if (found == by_version.end()) {
      throw Error("migration " + std::to_string(row.version) + " was applied but its file is missing");
    }
    if (found->second->checksum != row.checksum) {
      throw Error("migration " + found->second->name + " changed after it was applied (checksum mismatch)");
    }
  }
  std::unordered_set<std::int64_t> done;
  for (const auto& row : applied) done.insert(row.version);
  std::vector<MigrationFile> pending;
  for (const auto& file : files) {
    if (!done.contains(file.version)) pending.push_back(file);
  }
  std::sort(pending.begin(), pending.end(), [](const MigrationFile& a, const MigrationFile& b) {
    return a.version != b.version ? a.version < b.version : a.name < b.name;
  });
  return pending;
}

}  // namespace migrate

#pragma once
// Deciding which migrations to apply, without touching a database.

#include <cstdint>
#include <string>
#include <vector>

#include "migrate/files.hpp"

namespace migrate {

// A row of schema_migrations.
struct Applied {
  std::int64_t version;
  std::string checksum;
};

// The files not applied yet, in version order. Throws Error when an applied version's file is missing or its
// checksum changed: history is never rewritten, add a new migration instead.
std::vector<MigrationFile> plan(const std::vector<MigrationFile>& files, const std::vector<Applied>& applied);

}  // namespace migrate

#pragma once
// Applying a directory of migrations to a database.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "migrate/error.hpp"

namespace migrate {

struct Report {
  std::vector<std::string> applied;  // file names applied by this run, in order
};

// Creates the URI's database when missing (ensure_database), then applies the pending files of `dir`, each in
// its own transaction and recorded in schema_migrations, while holding an advisory lock so that concurrent runs
// serialize. Refuses (Error, nothing applied) when the recorded history and the files disagree.
// A failing file is rolled back and reported as Error naming it; files applied before it stay applied.
// `log` receives one line per step; it never sees the URI.
Report run(const std::string& db_uri, const std::filesystem::path& dir,
           const std::function<void(const std::string&)>& log);

}  // namespace migrate

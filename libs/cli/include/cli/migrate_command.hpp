#pragma once
#include <string>

namespace cli {

// The `migrate` subcommand of a service: creates its database when missing, then applies pending
// migrations from `dir`, logging on the migration category. Returns the exit code.
int migrate_command(const std::string& app, const std::string& database_uri, const std::string& dir);

}  // namespace cli

#include "cli/migrate_command.hpp"

#include "logging/logging.hpp"
#include "migrate/run.hpp"

namespace cli {

int migrate_command(const std::string& app, const std::string& database_uri, const std::string& dir) {
  auto log = logging::get(logging::Category::migration);
  auto report = migrate::run(database_uri, dir, [&log](const std::string& line) { log->info("{}", line); });
  log->info("{}: {} migration(s) applied", app, report.applied.size());
  return 0;
}

}  // namespace cli

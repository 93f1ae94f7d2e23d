#include "migrate_command.hpp"

#include "logging/logging.hpp"
#include "migrate/run.hpp"
#include "service/host.hpp"

namespace service {

int migrate_command(Host& host) {
  const auto database = host.database();
  auto log = logging::get(logging::Category::migration);
  auto report = migrate::run(database.pool.uri, database.migrations_dir,
                             [&log](const std::string& line) { log->info("{}", line); });
  log->info("{}: {} migration(s) applied", host.app(), report.applied.size());
  return 0;
}

}  // namespace service

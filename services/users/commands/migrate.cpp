#include "commands.hpp"
#include "logging/logging.hpp"
#include "migrate/run.hpp"

namespace users::commands {

int migrate(const DatabaseSettings& settings) {
    auto log = logging::get(logging::Category::migration);
    auto report = migrate::run(settings.pool.uri, settings.migrations_dir,
                               [&log](const std::string& line) { log->info("{}", line); });
    log->info("users: {} migration(s) applied", report.applied.size());
    return 0;
}

}  // namespace users::commands

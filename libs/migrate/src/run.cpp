#include "migrate/run.hpp"

#include "migrate/database.hpp"
#include "migrate/files.hpp"
#include "migrate/plan.hpp"
#include "pg/blocking.hpp"
#include "pg/error.hpp"
#include "pg/uri.hpp"

namespace migrate {
namespace {

// Key of the session-level advisory lock every migrator of a database takes ("migrate!").
constexpr std::int64_t lock_key = 0x6d69677261746521;

constexpr const char* create_history = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version bigint PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
))sql";

std::vector<Applied> applied_rows(pg::BlockingConnection& conn) {
  const auto rows = conn.exec("SELECT version, checksum FROM schema_migrations ORDER BY version");
  std::vector<Applied> applied;
  for (int row = 0; row < rows.rows(); ++row) {
    applied.push_back({std::stoll(std::string(rows.get(row, 0))), std::string(rows.get(row, 1))});
  }
  return applied;
}

// Runs `file` and records it in one transaction; on failure rolls back and throws Error naming the file.
void apply(pg::BlockingConnection& conn, const MigrationFile& file) {
  try {
    conn.exec("BEGIN");
    conn.exec_script(file.sql);  // simple protocol: the file may hold several statements
    conn.exec("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
              {std::to_string(file.version), file.name, file.checksum});
    conn.exec("COMMIT");
  } catch (const pg::Error& e) {
    if (conn.ok()) {
      try {
        conn.exec("ROLLBACK");
      } catch (const pg::Error&) {  // the original failure is the one to report
      }
    }
    const std::string code = e.sqlstate.empty() ? "" : " [" + e.sqlstate + "]";
    throw Error("migration " + file.name + " failed: " + e.what() + code);
  }
}

}  // namespace

Report run(const std::string& db_uri, const std::filesystem::path& dir,
           const std::function<void(const std::string&)>& log) {
  const auto files = load_directory(dir);  // a misnamed file stops us before touching the server
  const std::string db_name = pg::database_of(db_uri);
  if (!db_name.empty()) ensure_database(db_uri, db_name);

  pg::BlockingConnection conn = connect_to_new_database(db_uri);
  log("waiting for the migration lock of database " + db_name);
  conn.exec("SELECT pg_advisory_lock($1)", {std::to_string(lock_key)});
  conn.exec(create_history);
  const auto pending = plan(files, applied_rows(conn));
  if (pending.empty()) log("database " + db_name + " is up to date (" + std::to_string(files.size()) + " migrations)");

  Report report;
  for (const auto& file : pending) {
    log("applying " + file.name);
    apply(conn, file);
    report.applied.push_back(file.name);
    log("applied " + file.name);
  }
  conn.exec("SELECT pg_advisory_unlock($1)", {std::to_string(lock_key)});
  return report;
}

}  // namespace migrate

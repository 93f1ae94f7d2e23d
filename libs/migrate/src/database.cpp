#include "migrate/database.hpp"

#include <exception>
#include <optional>

#include "pg/blocking.hpp"
#include "pg/error.hpp"
#include "pg/uri.hpp"

namespace migrate {

void ensure_database(const std::string& server_uri, const std::string& db_name) {
  std::exception_ptr failure;
  try {
    pg::BlockingConnection probe(pg::with_database(server_uri, db_name));
    return;
  } catch (const pg::Error&) {
    failure = std::current_exception();
  }
  std::optional<pg::BlockingConnection> admin;
  try {
    admin.emplace(pg::with_database(server_uri, "postgres"));
  } catch (const pg::Error&) {
    std::rethrow_exception(failure);  // the first error says more (e.g. the server is down)
  }
  if (admin->exec("SELECT 1 FROM pg_database WHERE datname = $1", {db_name}).rows() > 0) {
    std::rethrow_exception(failure);  // it exists, so the connection failed for another reason
  }
  try {
    admin->exec("CREATE DATABASE " + admin->quote_identifier(db_name));
  } catch (const pg::Error& e) {
    // 42P04 duplicate_database, or 23505 when a concurrent CREATE DATABASE won the race on pg_database.
    if (e.sqlstate != "42P04" && !pg::is_unique_violation(e)) throw;
  }
}

}  // namespace migrate

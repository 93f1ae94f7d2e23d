#include "migrate/database.hpp"

#include <exception>
#include <optional>
#include <thread>

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
  // It exists on the primary: with a host list the probe may have reached a standby that has not replayed its
  // creation yet; the caller's connection retries (connect_to_new_database) and reports anything else.
  if (admin->exec("SELECT 1 FROM pg_database WHERE datname = $1", {db_name}).rows() > 0) return;
  try {
    admin->exec("CREATE DATABASE " + admin->quote_identifier(db_name));
  } catch (const pg::Error& e) {
    // 42P04 duplicate_database, or 23505 when a concurrent CREATE DATABASE won the race on pg_database.
    if (e.sqlstate != "42P04" && !pg::is_unique_violation(e)) throw;
  }
}

pg::BlockingConnection connect_to_new_database(const std::string& db_uri, std::chrono::seconds patience) {
  const auto deadline = std::chrono::steady_clock::now() + patience;
  for (;;) {
    try {
      return pg::BlockingConnection(db_uri);
    } catch (const pg::Error&) {
      if (std::chrono::steady_clock::now() >= deadline) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

}  // namespace migrate

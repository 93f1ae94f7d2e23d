#pragma once
// Errors raised by the pg library. Messages come from the server or libpq, never from the URI.

#include <stdexcept>
#include <string>

namespace pg {

// A statement or connection failed. sqlstate/constraint are empty when the server did not send them.
struct Error : std::runtime_error {
  Error(const std::string& message, std::string sqlstate_in = {}, std::string constraint_in = {})
      : std::runtime_error(message), sqlstate(std::move(sqlstate_in)), constraint(std::move(constraint_in)) {}
  std::string sqlstate;
  std::string constraint;
};

// The connection broke or could not be opened; the statement may or may not have run. Retry is the caller's call.
struct ConnectionLost : Error {
  using Error::Error;
};

// No connection became free within PoolOptions::acquire_timeout (the pool is exhausted).
struct PoolTimeout : Error {
  PoolTimeout() : Error("timed out waiting for a database connection") {}
};

// The database cannot serve now (connection lost or refused, pool exhausted, server shutting down or
// starting, out of connections or resources, statement timeout, a standby reached): retrying later may succeed.
bool is_unavailable(const Error& error);

// SQLSTATE 23505: a unique constraint rejected the row (Error::constraint names it).
bool is_unique_violation(const Error& error);

// SQLSTATE 57014: the statement was cancelled, e.g. by statement_timeout.
bool is_query_canceled(const Error& error);

// SQLSTATE 25006 (read_only_sql_transaction): a write reached a standby, i.e. a failover happened under the
// connection; the connection is dropped from the pool and the caller may retry (an unavailable database).
bool is_read_only_server(const Error& error);

}  // namespace pg

#pragma once
// Turning libpq failures into pg::Error / pg::ConnectionLost (internal to the pg library).

#include <libpq-fe.h>

#include "pg/error.hpp"
#include "pg/result.hpp"

namespace pg::detail {

// Throws for a failed statement (`result` may be null): ConnectionLost when `conn` is no longer usable, else Error
// with the server's SQLSTATE, constraint name and primary message (never DETAIL, which may hold row values).
[[noreturn]] void raise(const PGconn* conn, const PGresult* result);

// Throws ConnectionLost with libpq's connection error message.
[[noreturn]] void raise_lost(const PGconn* conn);

// Owns `result`, or raises when it is not a successful command or row set.
Result checked(const PGconn* conn, PGresult* result);

// True for the statuses a statement may succeed with.
bool succeeded(const PGresult* result);

// A pipelined statement that did not run because an earlier one of its batch failed; sent again by the pool.
struct PipelineAborted : Error {
  PipelineAborted() : Error("an earlier statement of the pipeline batch failed") {}
};

// SQLSTATE 0A000 on a prepared statement: "cached plan must not change result type" (a migration changed what
// the statement returns); prepared again, the statement succeeds.
bool is_stale_plan(const Error& error);

}  // namespace pg::detail

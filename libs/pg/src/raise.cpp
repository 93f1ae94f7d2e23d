#include "raise.hpp"

#include <string>

#include "pg/error.hpp"

namespace pg::detail {
namespace {

std::string field(const PGresult* result, int code) {
  const char* value = result != nullptr ? PQresultErrorField(result, code) : nullptr;
  return value != nullptr ? value : "";
}

std::string connection_message(const PGconn* conn) {
  std::string message = conn != nullptr ? PQerrorMessage(conn) : "out of memory allocating a connection";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message.empty() ? "connection to the database failed" : message;
}

}  // namespace

void raise_lost(const PGconn* conn) { throw ConnectionLost(connection_message(conn)); }

void raise(const PGconn* conn, const PGresult* result) {
  std::string message = field(result, PG_DIAG_MESSAGE_PRIMARY);
  if (message.empty()) message = connection_message(conn);
  std::string sqlstate = field(result, PG_DIAG_SQLSTATE);
  std::string constraint = field(result, PG_DIAG_CONSTRAINT_NAME);
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    throw ConnectionLost(message, std::move(sqlstate), std::move(constraint));
  }
  throw Error(message, std::move(sqlstate), std::move(constraint));
}

bool succeeded(const PGresult* result) {
  const ExecStatusType status = PQresultStatus(result);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY;
}

bool is_stale_plan(const Error& error) { return error.sqlstate == "0A000"; }

Result checked(const PGconn* conn, PGresult* result) {
  Result owned(result);
  if (result == nullptr || !succeeded(result)) raise(conn, result);
  return owned;
}

}  // namespace pg::detail

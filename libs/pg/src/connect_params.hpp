#pragma once
// Keyword/value arrays for PQconnectStartParams / PQconnectdbParams (internal to the pg library).

#include <chrono>
#include <string>
#include <utility>
#include <vector>

struct pg_conn;

namespace pg::detail {

// Drops server NOTICE/WARNING messages (libpq would print them to stderr), except those pg/notices.hpp
// reports.
void watch_notices(pg_conn* conn);

// Neither copyable nor movable: the arrays point into the owned strings.
class ConnectParams {
 public:
  // The URI may override application_name and connect_timeout; statement_timeout (when non-zero) always applies.
  ConnectParams(const std::string& uri, std::chrono::milliseconds connect_timeout,
                std::chrono::milliseconds statement_timeout, const std::string& application_name);
  ConnectParams(const ConnectParams&) = delete;
  ConnectParams& operator=(const ConnectParams&) = delete;

  const char* const* keywords() const { return keywords_.data(); }
  const char* const* values() const { return values_.data(); }

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
  std::vector<const char*> keywords_;
  std::vector<const char*> values_;
};

}  // namespace pg::detail

#include "connect_params.hpp"

#include <libpq-fe.h>

#include <algorithm>

namespace pg::detail {

void ignore_notices(pg_conn* conn) {
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
}

ConnectParams::ConnectParams(const std::string& uri, std::chrono::milliseconds connect_timeout,
                             std::chrono::milliseconds statement_timeout, const std::string& application_name) {
  // libpq takes whole seconds (and treats values below 2 as 2); round up.
  const auto seconds = std::max<long long>(2, (connect_timeout.count() + 999) / 1000);
  // Entries before "dbname" can be overridden by the expanded URI; entries after it override the URI.
  entries_.emplace_back("connect_timeout", std::to_string(seconds));
  if (!application_name.empty()) entries_.emplace_back("application_name", application_name);
  entries_.emplace_back("dbname", uri);
  if (statement_timeout.count() > 0) {
    entries_.emplace_back("options", "-c statement_timeout=" + std::to_string(statement_timeout.count()));
  }
  for (const auto& [keyword, value] : entries_) {
    keywords_.push_back(keyword.c_str());
    values_.push_back(value.c_str());
  }
  keywords_.push_back(nullptr);
  values_.push_back(nullptr);
}

}  // namespace pg::detail

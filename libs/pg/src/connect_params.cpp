#include "connect_params.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <string_view>

#include "pg/notices.hpp"

namespace pg::detail {

namespace {

std::atomic<std::uint64_t> unreplicated{0};
std::function<void(const std::string&)> unreplicated_handler;

bool starts_with(const char* text, std::string_view prefix) {
  return text && std::string_view(text).starts_with(prefix);
}

void receive_notice(void*, const PGresult* notice) {
  const char* severity = PQresultErrorField(notice, PG_DIAG_SEVERITY_NONLOCALIZED);
  const char* message = PQresultErrorField(notice, PG_DIAG_MESSAGE_PRIMARY);
  if (!starts_with(severity, "WARNING") || !starts_with(message, "canceling") ||
      std::string_view(message).find("synchronous replication") == std::string_view::npos)
    return;
  ++unreplicated;
  if (unreplicated_handler) unreplicated_handler(message);
}

}  // namespace

void watch_notices(pg_conn* conn) { PQsetNoticeReceiver(conn, receive_notice, nullptr); }

}  // namespace pg::detail

namespace pg {

std::uint64_t unreplicated_commit_warnings() { return detail::unreplicated.load(); }

void on_unreplicated_commit(std::function<void(const std::string& message)> handler) {
  detail::unreplicated_handler = std::move(handler);
}

}  // namespace pg

namespace pg::detail {

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

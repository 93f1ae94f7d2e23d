#include "pg/blocking.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <cerrno>
#include <system_error>
#include <vector>

#include "connect_params.hpp"
#include "pg/error.hpp"
#include "raise.hpp"

namespace pg {

void BlockingConnection::Finish::operator()(pg_conn* conn) const { PQfinish(conn); }

BlockingConnection::BlockingConnection(const std::string& uri, std::chrono::milliseconds connect_timeout) {
  const detail::ConnectParams params(uri, connect_timeout, std::chrono::milliseconds{0}, "");
  conn_.reset(PQconnectdbParams(params.keywords(), params.values(), 1));
  if (!ok()) detail::raise_lost(conn_.get());
  detail::watch_notices(conn_.get());
}

Result BlockingConnection::exec(const std::string& sql, const Params& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& param : params) values.push_back(param ? param->c_str() : nullptr);
  return detail::checked(conn_.get(), PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(values.size()), nullptr,
                                                   values.data(), nullptr, nullptr, 0));
}

Result BlockingConnection::exec_script(const std::string& sql) {
  return detail::checked(conn_.get(), PQexec(conn_.get(), sql.c_str()));
}

std::string BlockingConnection::quote_identifier(std::string_view name) const {
  std::unique_ptr<char, decltype(&PQfreemem)> quoted(PQescapeIdentifier(conn_.get(), name.data(), name.size()),
                                                     &PQfreemem);
  if (!quoted) throw Error(PQerrorMessage(conn_.get()));
  return quoted.get();
}

void BlockingConnection::listen(const std::string& channel) { exec("LISTEN " + quote_identifier(channel)); }

bool BlockingConnection::drain_notifications() {
  bool any = false;
  while (PGnotify* notification = PQnotifies(conn_.get())) {
    PQfreemem(notification);
    any = true;
  }
  return any;
}

bool BlockingConnection::wait_for_notification(std::chrono::milliseconds timeout) {
  if (PQconsumeInput(conn_.get()) == 0) detail::raise_lost(conn_.get());
  if (drain_notifications()) return true;
  pollfd entry{PQsocket(conn_.get()), POLLIN, 0};
  const int ready = ::poll(&entry, 1, static_cast<int>(timeout.count()));
  if (ready < 0 && errno != EINTR) throw std::system_error(errno, std::generic_category(), "poll");
  if (ready <= 0) return false;
  if (PQconsumeInput(conn_.get()) == 0) detail::raise_lost(conn_.get());
  return drain_notifications();
}

bool BlockingConnection::ok() const { return conn_ && PQstatus(conn_.get()) == CONNECTION_OK; }

}  // namespace pg

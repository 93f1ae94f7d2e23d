#pragma once
// A synchronous connection, for command-line tools and a dedicated (non-Asio) thread such as a LISTEN loop.

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "pg/result.hpp"

struct pg_conn;

namespace pg {

class BlockingConnection {
 public:
  // Connects now; throws ConnectionLost (a pg::Error) when the server cannot be reached or refuses.
  explicit BlockingConnection(const std::string& uri,
                              std::chrono::milliseconds connect_timeout = std::chrono::seconds(10));

  // One statement with bound text parameters (extended protocol).
  Result exec(const std::string& sql, const Params& params = {});
  // Several ';'-separated statements without parameters (simple protocol); returns the last one's result.
  Result exec_script(const std::string& sql);
  // LISTEN on `channel` (quoted as an identifier, so any name is safe).
  void listen(const std::string& channel);
  // Waits up to `timeout` for notifications; true if any arrived (all pending ones are consumed).
  // Throws ConnectionLost when the connection broke.
  bool wait_for_notification(std::chrono::milliseconds timeout);
  // `name` quoted as an SQL identifier (PQescapeIdentifier).
  std::string quote_identifier(std::string_view name) const;
  bool ok() const;

 private:
  bool drain_notifications();

  struct Finish {
    void operator()(pg_conn* conn) const;
  };
  std::unique_ptr<pg_conn, Finish> conn_;
};

}  // namespace pg

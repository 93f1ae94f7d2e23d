#include "pg/error.hpp"

#include <string_view>

namespace pg {

bool is_unavailable(const Error& error) {
  if (dynamic_cast<const ConnectionLost*>(&error) != nullptr || dynamic_cast<const PoolTimeout*>(&error) != nullptr) {
    return true;
  }
  const std::string_view state = error.sqlstate;
  // 08: connection exception; 53: insufficient resources; 57P0x: shutdown, cannot connect now; 57014: timeout;
  // 25006: the server is a standby now (a failover is under way).
  return state.starts_with("08") || state.starts_with("53") || state.starts_with("57P0") || is_query_canceled(error) ||
         is_read_only_server(error);
}

bool is_read_only_server(const Error& error) { return error.sqlstate == "25006"; }

bool is_unique_violation(const Error& error) { return error.sqlstate == "23505"; }

bool is_query_canceled(const Error& error) { return error.sqlstate == "57014"; }

}  // namespace pg

#pragma once
// Settings of a connection pool (design §7: pool size and statement timeout are named settings).

#include <chrono>
#include <cstddef>
#include <string>

namespace pg {

struct PoolOptions {
  std::string uri;                                    // postgresql://user:pass@host:port/db?params
  std::size_t size = 8;                               // connections at most; borrowers wait beyond that
  std::chrono::milliseconds statement_timeout{5000};  // server-side statement_timeout; 0 keeps the server's
  std::chrono::milliseconds connect_timeout{5000};    // deadline for opening one connection
  std::chrono::milliseconds acquire_timeout{2000};    // longest wait for a free connection (then PoolTimeout)
  std::string application_name;                       // shown in pg_stat_activity; empty keeps the URI's
};

}  // namespace pg

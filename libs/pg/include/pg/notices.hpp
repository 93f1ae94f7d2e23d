// Server notices worth an operator's attention; every other NOTICE/WARNING is dropped (libpq would print it).
#pragma once
#include <cstdint>
#include <functional>
#include <string>

namespace pg {

// A WARNING that synchronous replication was cancelled for a commit ("... might not have been replicated to
// the standby"): the transaction committed on this server only, and a failover now could lose it. Every
// connection counts them here and passes them to the handler.
std::uint64_t unreplicated_commit_warnings();
// Set once at start, before any connection exists; runs on the thread that drives the connection.
void on_unreplicated_commit(std::function<void(const std::string& message)> handler);

}  // namespace pg

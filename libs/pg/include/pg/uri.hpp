#pragma once
// Helpers for postgresql:// URIs (postgresql://user:pass@host:port/dbname?params).

#include <string>
#include <string_view>

namespace pg {

// The URI with its database replaced by `db` (percent-encoded); user, host and parameters are kept.
// Throws std::invalid_argument when `uri` is not a postgresql:// or postgres:// URI.
std::string with_database(std::string_view uri, std::string_view db);

// The (percent-decoded) database named by the URI's path; empty when it names none.
std::string database_of(std::string_view uri);

}  // namespace pg

#pragma once
// Creating a service's database on first start, so a fresh cluster needs no manual step.

#include <string>

namespace migrate {

// Makes sure `db_name` exists on the server of `server_uri` (any postgresql:// URI of that server and role):
// when connecting to it fails, connects to the "postgres" maintenance database and runs CREATE DATABASE unless
// it exists. Safe to race with another process doing the same. Throws pg::Error when the server is unreachable
// or the role may not create databases.
void ensure_database(const std::string& server_uri, const std::string& db_name);

}  // namespace migrate

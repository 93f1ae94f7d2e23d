#pragma once
// Creating a service's database on first start, so a fresh cluster needs no manual step.

#include <chrono>
#include <string>

#include "pg/blocking.hpp"

namespace migrate {

// Makes sure `db_name` exists on the server of `server_uri` (any postgresql:// URI of that server and role):
// when connecting to it fails, connects to the "postgres" maintenance database and runs CREATE DATABASE unless
// it exists. Safe to race with another process doing the same. Throws pg::Error when the server is unreachable
// or the role may not create databases.
void ensure_database(const std::string& server_uri, const std::string& db_name);

// A connection to a database that exists on the primary: with a host list (h1,h2,h3 and
// target_session_attrs=read-write) libpq may meet a standby first that has not replayed the database's
// creation yet, and it does not try the next host after such a refusal; so the connection is retried for up
// to `patience`. Throws the last pg::Error after that.
pg::BlockingConnection connect_to_new_database(const std::string& db_uri,
                                               std::chrono::seconds patience = std::chrono::seconds(15));

}  // namespace migrate

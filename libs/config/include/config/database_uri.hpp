#pragma once
#include <string>
#include <string_view>

#include "config/env.hpp"

namespace config {

// The database URI of one service: `<APP>_DB_URI` when set, else `DB_URI` with the service's own
// database name (`app`) when DB_URI names none, so one .env serves both services in development.
std::string database_uri(const Env& env, std::string_view app);

}  // namespace config

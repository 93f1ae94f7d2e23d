#pragma once
#include <string>

#include "settings.hpp"

// The subcommands of users-service (design §2); each returns the process exit code.
namespace users::commands {

int serve(const Settings& settings);
int create_admin(const DatabaseSettings& settings, const std::string& username);

}  // namespace users::commands

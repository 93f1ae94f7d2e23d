#pragma once
#include "settings.hpp"

// The subcommands of promotion-service (design §2); each returns the process exit code.
namespace promotion::commands {

int serve(const ServeSettings& settings);
int consume(const ConsumeSettings& settings);

}  // namespace promotion::commands

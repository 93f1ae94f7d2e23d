#pragma once
#include <map>
#include <span>
#include <string>

#include "config/env.hpp"

namespace config {

// Applies `--flag value` pairs to env, each flag renamed by `names` (e.g. {"--port", "PORT"}).
// An unknown flag or a flag without a value throws config::Error naming the flag.
void apply_flags(Env& env, std::span<char* const> args, const std::map<std::string, std::string>& names);

}  // namespace config

#pragma once
#include <functional>
#include <map>
#include <span>
#include <string>

#include "config/env.hpp"

namespace cli {

// command name -> (flag -> environment variable it sets)
using Commands = std::map<std::string, std::map<std::string, std::string>>;

// The body of a service's main(): `<binary> <command> [--flag value]...`. Loads settings (flags >
// environment > .env), starts logging (LOG_DIR, LOG_LEVEL, LOG_FORMAT) and calls run(command, env).
// Exit codes: run's result; 2 for bad usage or configuration, naming the variable; 1 for a failure.
int main(const std::string& app, std::span<char*> argv, const Commands& commands,
         const std::function<int(const std::string& command, const config::Env& env)>& run);

}  // namespace cli

#pragma once
// The main() of every service: `<app>-service <command> [--flag value]...`.

#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace service {

class Host;

// A subcommand of the service, e.g. `serve`; returns the process exit code.
struct Command {
  std::string name;
  std::map<std::string, std::string> flags;  // --flag -> the variable it sets, e.g. {"--port", "PORT"}
  std::function<int(Host& host)> run;
};

// What makes a service itself; the host supplies the rest.
struct Definition {
  std::string app;                // "users": names the binary, its database, its logs
  std::uint16_t port = 0;         // default HTTP port
  std::string migrations_dir;     // default directory of its migrations
  std::string_view openapi;       // its OpenAPI document (JSON), merged with the host's routes
  std::vector<Command> commands;  // its own; the host adds `migrate` and `openapi`
};

// Loads settings (flags > environment > .env), starts logging (LOG_DIR, LOG_LEVEL, LOG_FORMAT) and runs
// the command. Exit codes: the command's; 2 for bad usage or configuration, naming the variable; 1 for a failure.
int main(const Definition& definition, std::span<char*> argv);

}  // namespace service

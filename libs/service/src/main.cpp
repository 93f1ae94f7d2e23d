#include "service/main.hpp"

#include <iostream>

#include "config/error.hpp"
#include "config/flags.hpp"
#include "logging/logging.hpp"
#include "migrate_command.hpp"
#include "service/host.hpp"

namespace service {
namespace {

// The commands every service has, after its own.
std::vector<Command> all_commands(const Definition& definition) {
  auto commands = definition.commands;
  commands.push_back({"migrate", {}, migrate_command});
  commands.push_back({"openapi", {}, [](Host& host) {
                        std::cout << host.openapi() << '\n';
                        return 0;
                      }});
  return commands;
}

void print_usage(const Definition& definition, const std::vector<Command>& commands) {
  std::cerr << "usage: " << definition.app << "-service <command> [options]\ncommands:\n";
  for (const auto& command : commands) {
    std::cerr << "  " << command.name;
    for (const auto& [flag, variable] : command.flags) std::cerr << " [" << flag << " " << variable << "]";
    std::cerr << '\n';
  }
}

logging::Options logging_options(const std::string& app, const config::Env& env) {
  logging::Options options{.app = app, .dir = env.string("LOG_DIR", "logs")};
  options.json = env.choice("LOG_FORMAT", "text", {"text", "json"}) == "json";
  const auto level = env.choice("LOG_LEVEL", "info", {"trace", "debug", "info", "warn", "error", "critical", "off"});
  options.level = logging::parse_level(level);
  return options;
}

}  // namespace

int main(const Definition& definition, std::span<char*> argv) {
  const auto commands = all_commands(definition);
  const std::string name = argv.size() > 1 ? argv[1] : "";
  const auto command = std::ranges::find(commands, name, &Command::name);
  if (command == commands.end()) {
    print_usage(definition, commands);
    return 2;
  }
  try {
    auto env = config::Env::load();
    config::apply_flags(env, argv.subspan(2), command->flags);
    logging::init(logging_options(definition.app, env));
    Host host{definition, std::move(env)};
    const int code = command->run(host);
    logging::flush_all();
    return code;
  } catch (const config::Error& error) {
    std::cerr << "configuration error: " << error.what() << '\n';
    return 2;
  } catch (const std::exception& error) {
    std::cerr << definition.app << "-service " << name << " failed: " << error.what() << '\n';
    logging::flush_all();
    return 1;
  }
}

}  // namespace service

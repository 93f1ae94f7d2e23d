#include "cli/main.hpp"

#include <iostream>

#include "config/flags.hpp"
#include "logging/logging.hpp"

namespace cli {
namespace {

void print_usage(const std::string& app, const Commands& commands) {
  std::cerr << "usage: " << app << "-service <command> [options]\ncommands:\n";
  for (const auto& [command, flags] : commands) {
    std::cerr << "  " << command;
    for (const auto& [flag, variable] : flags) std::cerr << " [" << flag << " " << variable << "]";
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

int main(const std::string& app, std::span<char*> argv, const Commands& commands,
         const std::function<int(const std::string&, const config::Env&)>& run) {
  const std::string command = argv.size() > 1 ? argv[1] : "";
  auto known = commands.find(command);
  if (known == commands.end()) {
    print_usage(app, commands);
    return 2;
  }
  try {
    auto env = config::Env::load();
    config::apply_flags(env, argv.subspan(2), known->second);
    logging::init(logging_options(app, env));
    const int code = run(command, env);
    logging::flush_all();
    return code;
  } catch (const config::Error& error) {
    std::cerr << "configuration error: " << error.what() << '\n';
    return 2;
  } catch (const std::exception& error) {
    std::cerr << app << "-service " << command << " failed: " << error.what() << '\n';
    logging::flush_all();
    return 1;
  }
}

}  // namespace cli

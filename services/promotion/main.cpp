// promotion-service: campaigns and vouchers over HTTP, and the first-login consumer that grants them.
#include "cli/main.hpp"
#include "cli/migrate_command.hpp"
#include "commands/commands.hpp"

namespace {

const cli::Commands commands{
    {"serve", {{"--port", "PORT"}, {"--workers", "WORKERS"}}},
    {"consume", {{"--tasks", "TASKS"}}},
    {"migrate", {}},
};

int run(const std::string& command, const config::Env& env) {
  if (command == "serve") return promotion::commands::serve(promotion::load_serve_settings(env));
  if (command == "consume") return promotion::commands::consume(promotion::load_consume_settings(env));
  auto database = promotion::load_database_settings(env);
  return cli::migrate_command("promotion", database.pool.uri, database.migrations_dir);
}

}  // namespace

int main(int argc, char** argv) {
  return cli::main("promotion", std::span(argv, static_cast<std::size_t>(argc)), commands, run);
}

// users-service: registration, login with RS256 tokens, and the first-login outbox relay.
#include "cli/main.hpp"
#include "cli/migrate_command.hpp"
#include "commands/commands.hpp"

namespace {

const cli::Commands commands{
    {"serve", {{"--port", "PORT"}, {"--workers", "WORKERS"}}},
    {"migrate", {}},
    {"create-admin", {{"--username", "ADMIN_USERNAME"}}},
};

int run(const std::string& command, const config::Env& env) {
  if (command == "serve") return users::commands::serve(users::load_settings(env));
  if (command == "migrate") {
    auto database = users::load_database_settings(env);
    return cli::migrate_command("users", database.pool.uri, database.migrations_dir);
  }
  return users::commands::create_admin(users::load_database_settings(env), env.string("ADMIN_USERNAME"));
}

}  // namespace

int main(int argc, char** argv) {
  return cli::main("users", std::span(argv, static_cast<std::size_t>(argc)), commands, run);
}

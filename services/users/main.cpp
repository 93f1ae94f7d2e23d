// users-service: registration, login with RS256 tokens, and the first-login outbox relay.
#include "service/main.hpp"
#include "commands/commands.hpp"

namespace users {
extern const std::string_view openapi_document;
}

int main(int argc, char** argv) {
  const service::Definition users{
      .app = "users",
      .port = 5000,
      .migrations_dir = SERVICE_MIGRATIONS_DIR,
      .openapi = users::openapi_document,
      .commands = {{"serve", {{"--port", "PORT"}, {"--workers", "WORKERS"}}, users::commands::serve},
                   {"create-admin", {{"--username", "ADMIN_USERNAME"}}, users::commands::create_admin},
                   {"unlock", {{"--identifier", "UNLOCK_IDENTIFIER"}}, users::commands::unlock}}};
  return service::main(users, std::span(argv, static_cast<std::size_t>(argc)));
}

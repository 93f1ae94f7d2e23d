// promotion-service: campaigns and vouchers over HTTP, and the first-login consumer that grants them.
#include "service/main.hpp"
#include "commands/commands.hpp"

namespace promotion {
extern const std::string_view openapi_document;
}

int main(int argc, char** argv) {
  const service::Definition promotion{
      .app = "promotion",
      .port = 5001,
      .migrations_dir = SERVICE_MIGRATIONS_DIR,
      .openapi = promotion::openapi_document,
      .commands = {{"serve", {{"--port", "PORT"}, {"--workers", "WORKERS"}}, promotion::commands::serve},
                   {"consume", {{"--tasks", "TASKS"}}, promotion::commands::consume}}};
  return service::main(promotion, std::span(argv, static_cast<std::size_t>(argc)));
}

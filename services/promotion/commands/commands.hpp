#pragma once

namespace service {
class Host;
}

// The subcommands of promotion-service (design §2) beyond `migrate`; each returns the process exit code.
namespace promotion::commands {

int serve(service::Host& host);
int consume(service::Host& host);

}  // namespace promotion::commands

#pragma once

namespace service {
class Host;
}

// The subcommands of users-service (design §2) beyond `migrate`; each returns the process exit code.
namespace users::commands {

int serve(service::Host& host);
int create_admin(service::Host& host);
int unlock(service::Host& host);

}  // namespace users::commands

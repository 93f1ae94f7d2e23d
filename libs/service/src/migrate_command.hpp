#pragma once

namespace service {

class Host;

// `migrate`: creates the service's database when missing, then applies its pending migrations, logging on
// the migration category. Returns the exit code.
int migrate_command(Host& host);

}  // namespace service

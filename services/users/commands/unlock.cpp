#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include "commands.hpp"
#include "lockout_store.hpp"
#include "logging/logging.hpp"
#include "pg/pool.hpp"
#include "service/host.hpp"
#include "settings.hpp"

namespace users::commands {

// Clears the lock and the failed-login count of the account that --identifier names.
int unlock(service::Host& host) {
  auto log = logging::get(logging::Category::web);
  const auto identifier = host.env().string("UNLOCK_IDENTIFIER");
  boost::asio::io_context io;
  pg::Pool pool{io.get_executor(), host.database().pool};
  LockoutStore lockout{pool, load_defence_settings(host.env()).lockout};
  auto unlocked = boost::asio::co_spawn(io, lockout.unlock(identifier), boost::asio::use_future);
  io.run();
  if (!unlocked.get()) {
    log->error("unlock: no account has the identifier '{}'", identifier);
    return 1;
  }
  log->info("unlock: the account of '{}' is unlocked", identifier);
  return 0;
}

}  // namespace users::commands

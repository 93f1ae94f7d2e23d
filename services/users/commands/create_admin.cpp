#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <iostream>

#include "auth/password.hpp"
#include "commands.hpp"
#include "config/error.hpp"
#include "logging/logging.hpp"
#include "pg/pool.hpp"
#include "service/host.hpp"
#include "user_store.hpp"

namespace users::commands {

// Reads the password from the first line of standard input, so it never shows in `ps` or history.
int create_admin(service::Host& host) {
  auto log = logging::get(logging::Category::web);
  const auto username = host.env().string("ADMIN_USERNAME");
  std::string password;
  std::getline(std::cin, password);
  if (auto problem = check_username(username)) throw config::Error("--username", *problem);
  if (auto problem = check_password(password)) throw config::Error("password (stdin)", *problem);

  boost::asio::io_context io;
  pg::Pool pool{io.get_executor(), host.database().pool};
  UserStore store{pool};
  Registration admin{
      .username = username, .email = {}, .phone = {}, .password = password, .full_name = username, .birthday = {}};
  auto created =
      boost::asio::co_spawn(io, store.create(admin, auth::hash_password(password), true), boost::asio::use_future);
  io.run();
  auto user = created.get();
  if (!user) {
    log->error("create-admin: the username '{}' is already taken", username);
    return 1;
  }
  log->info("create-admin: administrator '{}' created with id {}", username, user->id);
  return 0;
}

}  // namespace users::commands

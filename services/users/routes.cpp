#include "routes.hpp"

#include "handlers/handlers.hpp"
#include "service/bind.hpp"

namespace users {

void add_routes(http::Router& router, Service& context) {
  const auto bind = service::binder(context);
  router.add(http::Verb::post, "/users/register", bind(handlers::register_user));
  router.add(http::Verb::post, "/users/login", bind(handlers::login));
  router.add(http::Verb::get, "/users/me", bind(handlers::me));
  router.add(http::Verb::post, "/users/logout", bind(handlers::logout));
  router.add(http::Verb::get, "/.well-known/jwks.json", bind(handlers::jwks));
}

}  // namespace users

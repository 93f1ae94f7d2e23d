#include "routes.hpp"

#include "handlers/handlers.hpp"
#include "http/health.hpp"
#include "pg/pool.hpp"

namespace users {

http::Router make_routes(Service& service) {
  // Binds a handler to the service; the handler coroutine takes both by value or reference.
  auto bind = [&service](auto handler) {
    return [&service, handler](http::RequestContext context) { return handler(service, std::move(context)); };
  };
  http::Router router;
  router.add(http::Verb::post, "/users/register", bind(handlers::register_user));
  router.add(http::Verb::post, "/users/login", bind(handlers::login));
  router.add(http::Verb::get, "/users/me", bind(handlers::me));
  router.add(http::Verb::get, "/healthz", http::liveness());
  router.add(http::Verb::get, "/readyz", http::readiness([&service] { return service.pool.ping(); }));
  return router;
}

}  // namespace users

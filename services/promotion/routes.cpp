#include "routes.hpp"

#include "handlers/handlers.hpp"
#include "http/health.hpp"
#include "pg/pool.hpp"

namespace promotion {

http::Router make_routes(Service& service) {
  // Binds a handler to the service; the handler coroutine takes both by value or reference.
  auto bind = [&service](auto handler) {
    return [&service, handler](http::RequestContext context) { return handler(service, std::move(context)); };
  };
  http::Router router;
  router.add(http::Verb::post, "/campaigns", bind(handlers::create_campaign));
  router.add(http::Verb::get, "/campaigns", bind(handlers::list_campaigns));
  router.add(http::Verb::get, "/campaigns/{id}", bind(handlers::get_campaign));
  router.add(http::Verb::patch, "/campaigns/{id}", bind(handlers::update_campaign));
  router.add(http::Verb::get, "/vouchers", bind(handlers::list_vouchers));
  router.add(http::Verb::post, "/vouchers/{id}/redeem", bind(handlers::redeem_voucher));
  router.add(http::Verb::get, "/healthz", http::liveness());
  router.add(http::Verb::get, "/readyz", http::readiness([&service] { return service.pool.ping(); }));
  return router;
}

}  // namespace promotion

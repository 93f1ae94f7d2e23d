#include "routes.hpp"

#include "handlers/handlers.hpp"
#include "service/bind.hpp"

namespace promotion {

void add_routes(http::Router& router, Service& context) {
  const auto bind = service::binder(context);
  router.add(http::Verb::post, "/campaigns", bind(handlers::create_campaign));
  router.add(http::Verb::get, "/campaigns", bind(handlers::list_campaigns));
  router.add(http::Verb::get, "/campaigns/{id}", bind(handlers::get_campaign));
  router.add(http::Verb::patch, "/campaigns/{id}", bind(handlers::update_campaign));
  router.add(http::Verb::get, "/vouchers", bind(handlers::list_vouchers));
  router.add(http::Verb::post, "/vouchers/{id}/redeem", bind(handlers::redeem_voucher));
}

}  // namespace promotion

#include <boost/json/array.hpp>

#include "authenticate.hpp"
#include "handlers.hpp"
#include "http/json_response.hpp"
#include "voucher_store.hpp"

namespace promotion::handlers {

boost::asio::awaitable<http::Response> list_vouchers(Service& service, http::RequestContext context) {
  auto caller = authenticate(service.tokens, context.request);
  if (!caller) co_return to_response(caller.error());
  auto vouchers = co_await service.vouchers.list_for(caller->sub);
  boost::json::array list;
  list.reserve(vouchers.size());
  for (const auto& voucher : vouchers) list.push_back(to_json(voucher));
  co_return http::success(http::Status::ok, "vouchers", std::move(list));
}

}  // namespace promotion::handlers

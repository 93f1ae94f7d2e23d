#include "authenticate.hpp"
#include "handlers.hpp"
#include "http/json_response.hpp"
#include "voucher_store.hpp"

namespace promotion::handlers {

// 404 for an unknown voucher and for another user's alike, so ids of others reveal nothing.
boost::asio::awaitable<http::Response> redeem_voucher(Service& service, http::RequestContext context) {
  auto caller = authenticate(service.tokens, context.request);
  if (!caller) co_return to_response(caller.error());
  std::string id{context.params.get("id")};
  auto redeemed = co_await service.vouchers.redeem(std::move(id), caller->sub);
  if (!redeemed) co_return to_response(redeemed.error());
  co_return http::success(http::Status::ok, "voucher", to_json(*redeemed));
}

}  // namespace promotion::handlers

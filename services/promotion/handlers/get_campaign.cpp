#include "authenticate.hpp"
#include "campaign_store.hpp"
#include "handlers.hpp"
#include "http/json_response.hpp"

namespace promotion::handlers {

boost::asio::awaitable<http::Response> get_campaign(Service& service, http::RequestContext context) {
  auto admin = authenticate_admin(service.tokens, context.request);
  if (!admin) co_return to_response(admin.error());
  std::string id{context.params.get("id")};
  auto campaign = co_await service.campaigns.find(std::move(id));
  if (!campaign) co_return to_response(Failure::not_found);
  co_return http::success(http::Status::ok, "campaign", to_json(*campaign));
}

}  // namespace promotion::handlers

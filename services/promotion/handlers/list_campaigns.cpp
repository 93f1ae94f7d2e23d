#include <boost/json/array.hpp>

#include "authenticate.hpp"
#include "campaign_store.hpp"
#include "handlers.hpp"
#include "http/json_response.hpp"

namespace promotion::handlers {

boost::asio::awaitable<http::Response> list_campaigns(Service& service, http::RequestContext context) {
  auto admin = authenticate_admin(service.tokens, context.request);
  if (!admin) co_return to_response(admin.error());
  auto campaigns = co_await service.campaigns.list();
  boost::json::array list;
  list.reserve(campaigns.size());
  for (const auto& campaign : campaigns) list.push_back(to_json(campaign));
  co_return http::success(http::Status::ok, "campaigns", std::move(list));
}

}  // namespace promotion::handlers

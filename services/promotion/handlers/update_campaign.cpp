#include "authenticate.hpp"
#include "campaign_store.hpp"
#include "campaign_validation.hpp"
#include "handlers.hpp"
#include "http/json_response.hpp"

namespace promotion::handlers {

// PATCH {is_available}: pausing stops new grants; vouchers already granted stay valid.
boost::asio::awaitable<http::Response> update_campaign(Service& service, http::RequestContext context) {
  auto admin = authenticate_admin(service.tokens, context.request);
  if (!admin) co_return to_response(admin.error());
  auto body = http::parse_json_object(context.request.body());
  if (!body) co_return http::error(http::Status::bad_request, "malformed JSON");
  auto validated = validate_availability(*body);
  if (!validated) co_return http::validation_error(std::move(validated.error()));

  std::string id{context.params.get("id")};
  const bool is_available = *validated;
  auto campaign = co_await service.campaigns.set_available(std::move(id), is_available);
  if (!campaign) co_return to_response(Failure::not_found);
  co_return http::success(http::Status::ok, "campaign", to_json(*campaign));
}

}  // namespace promotion::handlers

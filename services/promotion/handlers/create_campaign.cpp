#include "authenticate.hpp"
#include "campaign_store.hpp"
#include "campaign_validation.hpp"
#include "handlers.hpp"
#include "http/json_response.hpp"

namespace promotion::handlers {

boost::asio::awaitable<http::Response> create_campaign(Service& service, http::RequestContext context) {
  auto admin = authenticate_admin(service.tokens, context.request);
  if (!admin) co_return to_response(admin.error());
  auto body = http::parse_json_object(context.request.body());
  if (!body) co_return http::error(http::Status::bad_request, "malformed JSON");
  auto validated = validate_campaign(*body);
  if (!validated) co_return http::validation_error(std::move(validated.error()));

  auto campaign = std::move(*validated);
  auto created = co_await service.campaigns.create(std::move(campaign));
  co_return http::success(http::Status::created, "campaign", to_json(created));
}

}  // namespace promotion::handlers

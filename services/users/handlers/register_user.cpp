#include <chrono>

#include "auth/hashing_pool.hpp"
#include "defences.hpp"
#include "handlers.hpp"
#include "http/json_response.hpp"
#include "user_store.hpp"

namespace users::handlers {

boost::asio::awaitable<http::Response> register_user(Service& service, http::RequestContext context) {
  auto body = http::parse_json_object(context.request.body());
  if (!body) co_return http::error(http::Status::bad_request, "malformed JSON");

  const auto today =
      std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  auto validated = validate_registration(*body, today);
  if (!validated) co_return http::validation_error(std::move(validated.error()));
  auto& registration = *validated;

  auto throttled =
      co_await service.defences.throttle(Defences::Action::registration, service.defences.source_of(context));
  if (throttled) co_return std::move(*throttled);
  auto hash = co_await service.hashing.hash(registration.password);
  if (!hash) co_return to_response(Failure::hashing_busy);
  auto created = co_await service.store.create(std::move(registration), std::move(*hash), false);
  if (!created) co_return to_response(created.error());
  co_return http::success(http::Status::created, "user", to_json(*created));
}

}  // namespace users::handlers

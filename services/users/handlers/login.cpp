#include <chrono>

#include "auth/hashing_pool.hpp"
#include "auth/password.hpp"
#include "auth/token_issuer.hpp"
#include "defences.hpp"
#include "handlers.hpp"
#include "http/field_reader.hpp"
#include "http/json_response.hpp"
#include "user_store.hpp"

namespace users::handlers {
namespace {

// Non-empty and at most `max` bytes.
http::Check at_most_bytes(std::size_t max) {
  return [max](const std::string& value) -> std::optional<std::string> {
    if (!value.empty() && value.size() <= max) return std::nullopt;
    return "must be 1-" + std::to_string(max) + " bytes";
  };
}

// Replaces a hash made with older parameters; when the pool is busy, a later login does it.
boost::asio::awaitable<void> rehash(Service& service, const std::string& user_id, const std::string& password) {
  auto rehashed = co_await service.hashing.hash(password);
  if (rehashed) co_await service.store.replace_password_hash(user_id, std::move(*rehashed));
}

}  // namespace

// Unknown identifier, wrong password and inactive user answer the same bytes after the same work.
boost::asio::awaitable<http::Response> login(Service& service, http::RequestContext context) {
  auto body = http::parse_json_object(context.request.body());
  if (!body) co_return http::error(http::Status::bad_request, "malformed JSON");
  http::FieldReader reader{*body};
  auto identifier = reader.text("identifier", http::Presence::required, at_most_bytes(254));
  auto password = reader.text("password", http::Presence::required, at_most_bytes(1024));
  if (reader.failed()) co_return http::validation_error(std::move(reader).errors());
  const auto now = std::chrono::system_clock::now();

  const auto source = service.defences.source_of(context);
  auto throttled = co_await service.defences.throttle(Defences::Action::login, source);
  if (throttled) co_return std::move(*throttled);

  auto credentials = co_await service.store.find_credentials(*identifier);
  std::optional<LockoutStore::Attempt> attempt;  // existing accounts only
  if (credentials) attempt = co_await service.defences.lockout().attempt(credentials->user_id, now);
  const auto password_ok =
      co_await service.hashing.verify(credentials ? credentials->password_hash : auth::dummy_hash(), *password);
  if (!password_ok) {  // the same for known and unknown identifiers
    if (attempt) co_await service.defences.lockout().forgive(credentials->user_id);
    co_return to_response(Failure::hashing_busy);
  }
  // A locked account answers as a wrong password does, after the same work, whatever the password.
  if (!credentials || attempt->refused || !*password_ok || !credentials->is_active) {
    if (attempt) service.defences.login_failed(*attempt, credentials->user_id, source);
    co_return to_response(Failure::invalid_credentials);
  }
  co_await service.defences.lockout().succeeded(credentials->user_id);

  if (credentials->first_login_pending) co_await service.store.record_first_login(credentials->user_id, *identifier);
  if (auth::needs_rehash(credentials->password_hash)) co_await rehash(service, credentials->user_id, *password);

  auto token = service.issuer.issue(credentials->user_id, credentials->is_admin, *identifier, now);
  const auto expires_in = std::chrono::duration_cast<std::chrono::seconds>(service.issuer.ttl()).count();
  boost::json::object answer{{"token", token}, {"token_type", "Bearer"}, {"expires_in", expires_in}};
  co_return http::success(http::Status::ok, std::move(answer));
}

}  // namespace users::handlers

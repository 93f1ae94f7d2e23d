#include "defences.hpp"

#include <spdlog/logger.h>

#include <cmath>

#include "http/json_response.hpp"
#include "metrics/registry.hpp"

namespace users {
namespace {

constexpr std::int64_t prune_every_seconds = 60;

metrics::Counter& throttled(metrics::Registry& registry, const std::string& action) {
  return registry
      .counter_family("source_throttled_total", "Requests answered 429: their source used up its bucket", {"action"})
      .labels({action});
}

}  // namespace

SharedDefences::SharedDefences(DefenceSettings defence_settings, metrics::Registry& registry,
                               std::shared_ptr<spdlog::logger> logger)
    : settings(std::move(defence_settings)),
      throttled_logins(throttled(registry, "login")),
      throttled_registrations(throttled(registry, "register")),
      locks(registry.counter("account_locks_total", "Accounts locked by failed logins (a lock started)")),
      locked_attempts(registry.counter("account_locked_attempts_total",
                                       "Logins refused because the account was locked (answered as wrong passwords)")),
      log(std::move(logger)) {}

std::string Defences::source_of(const http::RequestContext& context) const {
  const auto forwarded = context.request.find("X-Forwarded-For");
  const std::string_view forwarded_for = forwarded == context.request.end()
                                             ? std::string_view{}
                                             : std::string_view{forwarded->value().data(), forwarded->value().size()};
  return shared_.settings.trusted_proxies.client_of(context.remote, forwarded_for);
}

boost::asio::awaitable<std::optional<http::Response>> Defences::throttle(Action action, std::string source) {
  const auto now = std::chrono::system_clock::now();
  co_await prune_now_and_then(now);
  const bool login = action == Action::login;
  const auto& rule = login ? shared_.settings.login : shared_.settings.registration;
  const auto decision = co_await throttle_.take(login ? "login" : "register", std::move(source), rule, now);
  if (decision.allowed) co_return std::nullopt;
  (login ? shared_.throttled_logins : shared_.throttled_registrations).inc();
  auto response = http::error(http::Status::too_many_requests, "too many attempts from this address, retry later");
  response.set(http::Field::retry_after,
               std::to_string(std::max<long long>(1, std::llround(std::ceil(decision.retry_after_seconds)))));
  co_return response;
}

void Defences::login_failed(const LockoutStore::Attempt& attempt, const std::string& user_id,
                            const std::string& source) {
  if (attempt.refused) {
    shared_.locked_attempts.inc();
  } else if (attempt.failures >= shared_.settings.lockout.max_failures) {
    shared_.locks.inc();
    shared_.log->warn("account {} locked after {} consecutive failed logins (last from {})", user_id, attempt.failures,
                      source);
  }
}

boost::asio::awaitable<void> Defences::prune_now_and_then(std::chrono::system_clock::time_point now) {
  const std::int64_t seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  auto due = shared_.next_prune.load();
  if (seconds < due || !shared_.next_prune.compare_exchange_strong(due, seconds + prune_every_seconds)) co_return;
  co_await throttle_.prune("login", shared_.settings.login, now);
  co_await throttle_.prune("register", shared_.settings.registration, now);
  co_await lockout_.prune(now);
}

}  // namespace users

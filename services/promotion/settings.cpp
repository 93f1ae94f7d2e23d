#include "settings.hpp"

#include "config/error.hpp"

namespace promotion {

ServeSettings load_serve_settings(const config::Env& env) {
  ServeSettings settings{
      .public_keys = {},
      .jwks_uri = env.string("JWKS_URI", ""),
      .jwks_unknown_kid_interval = std::chrono::seconds(env.integer("JWKS_UNKNOWN_KID_INTERVAL_SECONDS", 30, 1, 3600)),
      .tokens = service::token_settings(env),
      .broker = service::broker_settings(env)};
  if (!settings.jwks_uri.empty() && !settings.jwks_uri.starts_with("http://") &&
      !settings.jwks_uri.starts_with("https://"))
    throw config::Error("JWKS_URI", "must be an http:// or https:// URL");
  settings.public_keys = settings.jwks_uri.empty() ? env.string("PUBLIC_KEY") : env.string("PUBLIC_KEY", "");
  return settings;
}

ConsumeSettings load_consume_settings(const config::Env& env) {
  return {.broker = service::broker_settings(env),
          .tasks = static_cast<int>(env.integer("TASKS", 4, 1, 1000)),
          .shutdown_deadline = env.milliseconds("SHUTDOWN_DEADLINE_MS", 10000)};
}

}  // namespace promotion

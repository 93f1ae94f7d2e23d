#include "settings.hpp"

#include <thread>

#include "config/database_uri.hpp"

namespace users {

DatabaseSettings load_database_settings(const config::Env& env) {
    DatabaseSettings d;
    d.pool.uri = config::database_uri(env, "users");
    d.pool.size = static_cast<std::size_t>(env.integer("DB_POOL_SIZE", 8, 1, 500));
    d.pool.statement_timeout = env.milliseconds("DB_STATEMENT_TIMEOUT_MS", 5000);
    d.pool.application_name = "users-service";
    d.migrations_dir = env.string("USERS_MIGRATIONS_DIR", USERS_MIGRATIONS_DIR);
    return d;
}

Settings load_settings(const config::Env& env) {
    Settings s;
    s.http.port = static_cast<std::uint16_t>(env.integer("PORT", 5000, 0, 65535));
    s.http.address = env.string("HOST", "0.0.0.0");
    s.http.body_limit = static_cast<std::size_t>(env.integer("HTTP_BODY_LIMIT", 16 * 1024, 256, 64 << 20));
    s.http.header_limit = static_cast<std::size_t>(env.integer("HTTP_HEADER_LIMIT", 8 * 1024, 1024, 1 << 20));
    s.http.read_timeout = env.milliseconds("HTTP_READ_TIMEOUT_MS", 10000);
    s.http.write_timeout = env.milliseconds("HTTP_WRITE_TIMEOUT_MS", 10000);
    s.http.idle_timeout = env.milliseconds("HTTP_IDLE_TIMEOUT_MS", 60000);
    s.http.shutdown_deadline = env.milliseconds("SHUTDOWN_DEADLINE_MS", 10000);
    s.workers = static_cast<int>(env.integer("WORKERS", 4, 1, 256));

    s.database = load_database_settings(env);

    s.mq_uri = env.string("MQ_URI");
    if (!s.mq_uri.starts_with("amqp://")) throw config::Error("MQ_URI", "must be an amqp:// URI");
    s.routing_key = env.string("MQ_PROMOTION_ROUTING_KEY", "promotion");
    s.delivery_limit = env.integer("MQ_DELIVERY_LIMIT", 5, 1, 1000);

    s.private_key = env.string("PRIVATE_KEY");
    s.jwt_issuer = env.string("JWT_ISSUER", "bank-users");
    s.jwt_audience = env.string("JWT_AUDIENCE", "bank");
    s.jwt_ttl = std::chrono::minutes(env.integer("JWT_EXPIRED_MINUTES", 30, 1, 24 * 60));

    const auto cores = std::max(1U, std::thread::hardware_concurrency());
    s.hash_threads = static_cast<std::size_t>(env.integer("HASH_THREADS", cores, 1, 256));
    s.outbox_poll = env.milliseconds("OUTBOX_POLL_MS", 1000);
    return s;
}

}  // namespace users

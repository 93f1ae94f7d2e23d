#include "revocation_store.hpp"

#include "pg/pool.hpp"

// g++ 12 frees braced temporaries inside a co_await expression twice: parameters are named locals.
namespace users {
namespace {

std::int64_t unix_seconds(std::chrono::system_clock::time_point time) {
  return std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
}

}  // namespace

boost::asio::awaitable<bool> RevocationStore::revoked(auth::Claims claims) {
  pg::Params params{std::move(claims.jti), std::move(claims.sub), std::to_string(claims.iat)};
  const auto r = co_await pool_.read(
      "SELECT EXISTS (SELECT 1 FROM revocations WHERE jti = $1)"
      " OR EXISTS (SELECT 1 FROM revocations WHERE user_id = $2::uuid AND jti IS NULL AND issued_until >= $3::bigint)",
      std::move(params));
  co_return r.boolean(0, 0);
}

boost::asio::awaitable<void> RevocationStore::revoke_token(auth::Claims claims) {
  pg::Params params{std::move(claims.sub), std::move(claims.jti), std::to_string(claims.exp)};
  co_await pool_.query(
      "INSERT INTO revocations (user_id, jti, expires) VALUES ($1::uuid, $2, $3::bigint) ON CONFLICT (jti) DO NOTHING",
      std::move(params));
}

boost::asio::awaitable<void> RevocationStore::revoke_user(std::string user_id,
                                                          std::chrono::system_clock::time_point now) {
  const auto cut = unix_seconds(now);
  pg::Params params{std::move(user_id), std::to_string(cut), std::to_string(cut + lifetime_.count())};
  co_await pool_.query(
      "INSERT INTO revocations (user_id, issued_until, expires) VALUES ($1::uuid, $2::bigint, $3::bigint)",
      std::move(params));
}

}  // namespace users

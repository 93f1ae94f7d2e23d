#include "user_store.hpp"

#include "events/event_id.hpp"

#include "pg/pool.hpp"
#include "pg/sql.hpp"

// g++ 12 frees braced temporaries inside a co_await expression twice: parameters are named locals.
namespace users {
namespace {

const std::string user_columns =
    "id, username, email, phone, full_name, birthday::text, is_admin, " + pg::rfc3339_utc("created_at");

User user_from(const pg::Result& r) {
  return User{.id = r.text(0, 0),
              .username = r.optional_text(0, 1),
              .email = r.optional_text(0, 2),
              .phone = r.optional_text(0, 3),
              .full_name = r.text(0, 4),
              .birthday = r.optional_text(0, 5),
              .is_admin = r.boolean(0, 6),
              .created_at = r.text(0, 7)};
}

pg::Param lowered(const std::optional<std::string>& value) {
  return value ? pg::Param(normalize_identifier(*value)) : std::nullopt;
}

}  // namespace

boost::asio::awaitable<boost::system::result<User, Failure>> UserStore::create(Registration registration,
                                                                               std::string password_hash,
                                                                               bool is_admin) {
  const std::string sql =
      "WITH created AS ("
      "  INSERT INTO users (username, email, phone, password_hash, full_name, birthday, is_admin)"
      "  VALUES ($1, $2, $3, $4, $5, $6::date, $7) RETURNING *),"
      " claimed AS ("
      "  INSERT INTO user_identifiers (identifier, user_id, kind)"
      "  SELECT v.identifier, created.id, v.kind FROM created,"
      "   (VALUES ($8, 'username'), ($9, 'email'), ($10, 'phone')) AS v (identifier, kind)"
      "  WHERE v.identifier IS NOT NULL)"
      " SELECT " +
      user_columns + " FROM created";
  try {
    pg::Params params{
        registration.username,       registration.email,
        registration.phone,          std::move(password_hash),
        registration.full_name,      registration.birthday.empty() ? pg::Param{} : pg::Param{registration.birthday},
        is_admin ? "true" : "false", lowered(registration.username),
        lowered(registration.email), registration.phone};
    auto result = co_await pool_.query(sql, std::move(params));
    co_return user_from(result);
  } catch (const pg::Error& error) {
    if (!pg::is_unique_violation(error)) throw;
  }
  co_return Failure::identifier_taken;
}

boost::asio::awaitable<std::optional<Credentials>> UserStore::find_credentials(std::string identifier) {
  pg::Params params{normalize_identifier(identifier)};
  auto r = co_await pool_.read(
      "SELECT u.id, u.password_hash, u.is_active, u.is_admin, u.first_login_at IS NULL"
      " FROM user_identifiers i JOIN users u ON u.id = i.user_id WHERE i.identifier = $1",
      std::move(params));
  if (r.rows() == 0) co_return std::nullopt;
  co_return Credentials{.user_id = r.text(0, 0),
                        .password_hash = r.text(0, 1),
                        .is_active = r.boolean(0, 2),
                        .is_admin = r.boolean(0, 3),
                        .first_login_pending = r.boolean(0, 4)};
}

boost::asio::awaitable<bool> UserStore::record_first_login(std::string user_id, std::string identifier) {
  auto event_id = events::first_login_event_id(user_id);
  pg::Params params{std::move(user_id), std::move(identifier), std::move(event_id)};
  auto r = co_await pool_.query(
      "WITH first AS ("
      "  UPDATE users SET first_login_at = now() WHERE id = $1 AND first_login_at IS NULL"
      "  RETURNING id, first_login_at)"
      " INSERT INTO outbox (event_id, user_id, user_identifier, occurred_at)"
      " SELECT $3::uuid, id, $2, first_login_at FROM first",
      std::move(params));
  co_return r.affected() == 1;
}

boost::asio::awaitable<void> UserStore::replace_password_hash(std::string user_id, std::string password_hash) {
  pg::Params params{std::move(user_id), std::move(password_hash)};
  co_await pool_.query("UPDATE users SET password_hash = $2 WHERE id = $1", std::move(params));
}

boost::asio::awaitable<std::optional<User>> UserStore::find(std::string user_id) {
  pg::Params params{std::move(user_id)};
  auto r = co_await pool_.read("SELECT " + user_columns + " FROM users WHERE id = $1::uuid AND is_active",
                               std::move(params));
  if (r.rows() == 0) co_return std::nullopt;
  co_return user_from(r);
}

}  // namespace users

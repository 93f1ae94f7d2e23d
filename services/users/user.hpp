#pragma once
#include <boost/json/object.hpp>
#include <optional>
#include <string>

namespace users {

// A user as the API shows it (never the password hash).
struct User {
  std::string id;
  std::optional<std::string> username;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::string full_name;
  std::optional<std::string> birthday;
  bool is_admin = false;
  std::string created_at;
};

boost::json::object to_json(const User& user);

// What login needs to decide: the stored hash and whether this is the first login.
struct Credentials {
  std::string user_id;
  std::string password_hash;
  bool is_active = false;
  bool is_admin = false;
  bool first_login_pending = false;
};

}  // namespace users

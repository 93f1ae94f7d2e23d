#pragma once
#include <boost/json/object.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "http/field_reader.hpp"

namespace users {

// A registration that passed every rule of design §3; identifiers are as typed.
struct Registration {
  std::optional<std::string> username;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::string password;
  std::string full_name;
  std::string birthday;  // YYYY-MM-DD
};

// Checks a register body against the rules; `today` bounds the birthday. Unknown fields are ignored.
http::Validated<Registration> validate_registration(const boost::json::object& body, std::chrono::year_month_day today);

// Single-rule checks, shared with `create-admin`; each returns an error message or nullopt.
std::optional<std::string> check_username(const std::string& value);
std::optional<std::string> check_email(const std::string& value);
std::optional<std::string> check_phone(const std::string& value);
std::optional<std::string> check_password(const std::string& value);
std::optional<std::string> check_full_name(const std::string& value);
std::optional<std::string> check_birthday(const std::string& value, std::chrono::year_month_day today);

// The form an identifier is stored and looked up in: lower-case (emails and usernames compare
// case-insensitively; phones have no letters).
std::string normalize_identifier(std::string_view identifier);

}  // namespace users

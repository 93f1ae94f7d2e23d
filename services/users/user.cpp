#include "user.hpp"

namespace users {
namespace {

boost::json::value optional(const std::optional<std::string>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

}  // namespace

boost::json::object to_json(const User& user) {
  return {{"id", user.id},
          {"username", optional(user.username)},
          {"email", optional(user.email)},
          {"phone", optional(user.phone)},
          {"full_name", user.full_name},
          {"birthday", optional(user.birthday)},
          {"is_admin", user.is_admin},
          {"created_at", user.created_at}};
}

}  // namespace users

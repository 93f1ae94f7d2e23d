// The claims this project puts in, and reads back from, an access token.
#pragma once

#include <cstdint>
#include <string>

namespace auth {

struct Claims {
  std::string sub;  // user id
  bool is_admin = false;
  std::string identifier;  // what the user typed at login
  std::string jti;
  std::int64_t iat = 0;  // seconds since the Unix epoch
  std::int64_t exp = 0;
  std::string iss;
  std::string aud;

  friend bool operator==(const Claims&, const Claims&) = default;
};

}  // namespace auth

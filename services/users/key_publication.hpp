#pragma once
#include <chrono>
#include <string>

#include "auth/key_set.hpp"

namespace users {

// What GET /.well-known/jwks.json answers: every key that may verify a live token, built once at start.
struct KeyPublication {
  KeyPublication(const auth::KeySet& keys, std::chrono::seconds max_age)
      : jwks(keys.to_jwks()), cache_control("public, max-age=" + std::to_string(max_age.count())) {}

  std::string jwks;
  std::string cache_control;
};

}  // namespace users

// Argon2id password hashing with libargon2 (m = 19 MiB, t = 2, p = 1). Blocking: see HashingPool.
#pragma once

#include <string>
#include <string_view>

namespace auth {

// A PHC string "$argon2id$v=19$m=19456,t=2,p=1$..."; throws std::runtime_error when out of memory.
std::string hash_password(std::string_view password);

// True only if hash is a well-formed Argon2 hash of password; never throws for bad input.
bool verify_password(std::string_view hash, std::string_view password);

// True when hash was made with other parameters (or is malformed) and should be replaced.
bool needs_rehash(std::string_view hash);

// A valid hash of a random password, computed once, for timing-equal logins of unknown users.
const std::string& dummy_hash();

}  // namespace auth

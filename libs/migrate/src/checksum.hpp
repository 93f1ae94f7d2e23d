#pragma once
// SHA-256 of migration files (internal to the migrate library).

#include <string>
#include <string_view>

namespace migrate::detail {

// Lowercase hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace migrate::detail

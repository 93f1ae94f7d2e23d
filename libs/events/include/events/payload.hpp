// What every event decoder of this project shares: the size bound and the reason a payload is refused.
#pragma once
#include <cstddef>
#include <string>

namespace events {

inline constexpr std::size_t max_message_bytes = 4096;

// Why a payload was refused; a consumer sets it aside (dead-letters or skips it) and logs `reason`.
struct DecodeError {
  std::string reason;
};

}  // namespace events

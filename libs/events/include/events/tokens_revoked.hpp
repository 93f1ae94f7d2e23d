#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/system/result.hpp>

#include "events/payload.hpp"

namespace events {

// The `user.tokens_revoked` event (a logout), published by users to the revocations stream and followed by
// every promotion replica (docs/architecture.md, "Logout").
struct TokensRevoked {
  std::string event_id;  // UUID; also the AMQP message_id
  std::string user_id;
  std::optional<std::string> jti;  // one token; absent: every token of the user issued at or before issued_until
  std::int64_t issued_until = 0;   // seconds since the Unix epoch; only without jti
  std::int64_t expires = 0;        // seconds since the Unix epoch: every token it refuses has expired by then
  std::string occurred_at;         // RFC 3339, UTC

  friend bool operator==(const TokensRevoked&, const TokensRevoked&) = default;
};

inline constexpr std::string_view tokens_revoked_type = "user.tokens_revoked";

std::string encode(const TokensRevoked& event);

// The event of a payload, or why it is refused (the rules of first-login payloads, and exactly one of
// `jti` and `issued_until`).
boost::system::result<TokensRevoked, DecodeError> decode_tokens_revoked(std::string_view payload);

}  // namespace events

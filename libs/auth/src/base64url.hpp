// Base64url without padding (RFC 4648 §5, RFC 7515 §2) (internal header).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace auth::detail {

// Encodes bytes as base64url with no '=' padding.
std::string base64url_encode(std::string_view bytes);

// Decodes strict unpadded base64url; nullopt on any other character, '=' or non-canonical trailing bits.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace auth::detail

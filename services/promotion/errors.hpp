#pragma once
#include "http/message.hpp"

namespace promotion {

// Expected outcomes of the promotion service that are not successes.
// tokens_unchecked: the replica has not read the logouts yet (just started), so it cannot tell a revoked token.
enum class Failure { unauthorized, forbidden, not_found, already_redeemed, expired, tokens_unchecked };

// The one place where a Failure becomes an HTTP answer.
http::Response to_response(Failure failure);

}  // namespace promotion

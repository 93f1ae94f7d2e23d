#pragma once
#include "http/message.hpp"

namespace promotion {

// Expected outcomes of the promotion service that are not successes.
enum class Failure { unauthorized, forbidden, not_found, already_redeemed, expired };

// The one place where a Failure becomes an HTTP answer.
http::Response to_response(Failure failure);

}  // namespace promotion

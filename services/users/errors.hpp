#pragma once
#include "http/message.hpp"

namespace users {

// Expected outcomes of the users service that are not successes.
enum class Failure { identifier_taken, invalid_credentials, unauthorized, not_found, hashing_busy };

// The one place where a Failure becomes an HTTP answer.
http::Response to_response(Failure failure);

}  // namespace users

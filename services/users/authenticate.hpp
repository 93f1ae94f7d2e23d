#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/system/result.hpp>

#include "auth/claims.hpp"
#include "errors.hpp"
#include "http/message.hpp"
#include "service.hpp"

namespace users {

// The claims of the request's Bearer token when it verifies and has not been revoked (checked in the
// database, so a logout on any replica counts at once); unauthorized otherwise, one answer for every reason.
boost::asio::awaitable<boost::system::result<auth::Claims, Failure>> authenticate(Service& service,
                                                                                  const http::Request& request);

}  // namespace users

#pragma once
#include <boost/asio/awaitable.hpp>

#include "http/message.hpp"
#include "service.hpp"

// One function per endpoint: authenticate, decode the request, call the store, encode the answer.
namespace promotion::handlers {

// Administrators only: 401 without a valid token, 403 for anyone else.
boost::asio::awaitable<http::Response> create_campaign(Service& service, http::RequestContext context);
boost::asio::awaitable<http::Response> list_campaigns(Service& service, http::RequestContext context);
boost::asio::awaitable<http::Response> get_campaign(Service& service, http::RequestContext context);
boost::asio::awaitable<http::Response> update_campaign(Service& service, http::RequestContext context);

// Any valid token; they act on the token's `sub` only.
boost::asio::awaitable<http::Response> list_vouchers(Service& service, http::RequestContext context);
boost::asio::awaitable<http::Response> redeem_voucher(Service& service, http::RequestContext context);

}  // namespace promotion::handlers

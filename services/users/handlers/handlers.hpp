#pragma once
#include <boost/asio/awaitable.hpp>

#include "http/message.hpp"
#include "service.hpp"

// One function per endpoint: decode the request, call the store, encode the answer.
namespace users::handlers {

boost::asio::awaitable<http::Response> register_user(Service& service, http::RequestContext context);
boost::asio::awaitable<http::Response> login(Service& service, http::RequestContext context);
boost::asio::awaitable<http::Response> me(Service& service, http::RequestContext context);
boost::asio::awaitable<http::Response> logout(Service& service, http::RequestContext context);
boost::asio::awaitable<http::Response> jwks(Service& service, http::RequestContext context);

}  // namespace users::handlers

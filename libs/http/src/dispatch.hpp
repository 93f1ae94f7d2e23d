#pragma once
// Internal: route one request to its handler; the router boundary for exceptions (design §7).

#include "server_state.hpp"

#include <boost/asio/awaitable.hpp>

namespace http {

// 404/405 when no route fits; 500 (details logged on web_log, never sent) when the handler throws.
boost::asio::awaitable<Response> dispatch(std::shared_ptr<Server::State> state, Request request,
                                          std::string request_id);

}  // namespace http

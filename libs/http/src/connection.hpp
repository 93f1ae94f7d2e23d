#pragma once
// Internal: the coroutine that serves one accepted connection until it closes.

#include "server_state.hpp"

#include <boost/asio/awaitable.hpp>

namespace http {

// Reads requests (keep-alive), dispatches them, writes answers, logs one access line per request.
// `router` belongs to the shard whose thread runs the coroutine.
boost::asio::awaitable<void> serve_connection(std::shared_ptr<Server::State> state, const Router& router,
                                              boost::asio::ip::tcp::socket socket);

}  // namespace http

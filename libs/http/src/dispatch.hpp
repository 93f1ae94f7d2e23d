#pragma once
// Internal: route one request to its handler; the router boundary for exceptions (design §7).

#include "http/router.hpp"

#include <spdlog/fwd.h>

#include <boost/asio/awaitable.hpp>

namespace http {

// 404/405 when no route fits; 500 (details logged on web_log, never sent) when the handler throws.
boost::asio::awaitable<Response> dispatch(const Router& router, spdlog::logger& web_log, Request request,
                                          std::string request_id);

}  // namespace http

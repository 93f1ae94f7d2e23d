#pragma once
// Internal: route one request to its handler; the router boundary for exceptions (design §7).

#include "http/router.hpp"
#include "http/server.hpp"

#include <spdlog/fwd.h>

#include <boost/asio/awaitable.hpp>

namespace http {

struct Dispatched {
  Response response;
  std::string_view route;  // the matched pattern, or "unmatched"
};

// 404/405 when no route fits. When the handler throws: hooks.answer_failure's answer, else 500 (details
// logged on web_log, never sent).
boost::asio::awaitable<Dispatched> dispatch(const Router& router, const ServerHooks& hooks, spdlog::logger& web_log,
                                            Request request, std::string_view request_id, std::string_view remote);

}  // namespace http

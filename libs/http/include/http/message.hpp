#pragma once
// Request and response types shared by the router, the server and the handlers.

#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/verb.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace http {

using Request = boost::beast::http::request<boost::beast::http::string_body>;
using Response = boost::beast::http::response<boost::beast::http::string_body>;
using Status = boost::beast::http::status;
using Verb = boost::beast::http::verb;
using Field = boost::beast::http::field;

// The named segments of a matched route pattern, e.g. {"id", "42"} for "/campaigns/{id}".
class PathParams {
 public:
  void add(std::string name, std::string value);
  // The percent-decoded value of `name`; empty when the pattern has no such parameter.
  std::string_view get(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string>> values_;
};

// Everything a handler sees; passed by value so coroutine handlers own it.
struct RequestContext {
  Request request;
  PathParams params;
  std::string request_id;
  std::string remote;  // the TCP peer's address (see http::TrustedProxies for the client behind a proxy)
};

// A handler's answer: status, fields and body. The server adds Content-Length (from the body), Connection and
// X-Request-Id when it sends it; a body on a 1xx, 204 or 304 answer is a bug, answered 500.
using Handler = std::function<boost::asio::awaitable<Response>(RequestContext)>;

}  // namespace http

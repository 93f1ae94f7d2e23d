#include "http/fetch.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/url/parse.hpp>

namespace http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using asio::use_awaitable;

struct Target {
  bool tls;
  std::string host;
  std::string port;
  std::string path;
};

Target parse_target(const std::string& url) {
  const auto parsed = boost::urls::parse_uri(url);
  if (!parsed || (parsed->scheme() != "http" && parsed->scheme() != "https") || parsed->host().empty())
    throw FetchError("not an http:// or https:// URL");
  const bool tls = parsed->scheme() == "https";
  return {.tls = tls,
          .host = std::string(parsed->encoded_host()),
          .port = parsed->has_port() ? std::string(parsed->port()) : (tls ? "443" : "80"),
          .path = parsed->encoded_target().empty() ? "/" : std::string(parsed->encoded_target())};
}

template <class Stream>
asio::awaitable<Fetched> exchange(Stream& stream, const Target& target, std::size_t body_limit) {
  beast::http::request<beast::http::empty_body> request{beast::http::verb::get, target.path, 11};
  request.set(beast::http::field::host, target.host);
  request.set(beast::http::field::accept, "application/json");
  co_await beast::http::async_write(stream, request, use_awaitable);
  beast::flat_buffer buffer;
  beast::http::response_parser<beast::http::string_body> parser;
  parser.body_limit(body_limit);
  co_await beast::http::async_read(stream, buffer, parser, use_awaitable);
  auto& response = parser.get();
  co_return Fetched{.status = response.result_int(),
                    .body = std::move(response.body()),
                    .cache_control = std::string(response[beast::http::field::cache_control])};
}

asio::awaitable<Fetched> get(Target target, std::chrono::milliseconds timeout, std::size_t body_limit) {
  auto executor = co_await asio::this_coro::executor;
  asio::ip::tcp::resolver resolver{executor};
  const auto endpoints = co_await resolver.async_resolve(target.host, target.port, use_awaitable);
  beast::tcp_stream tcp{executor};
  tcp.expires_after(timeout);  // one deadline for the whole exchange
  co_await tcp.async_connect(endpoints, use_awaitable);
  if (!target.tls) co_return co_await exchange(tcp, target, body_limit);

  asio::ssl::context context{asio::ssl::context::tls_client};
  context.set_default_verify_paths();
  context.set_verify_mode(asio::ssl::verify_peer);
  beast::ssl_stream<beast::tcp_stream> stream{std::move(tcp), context};
  stream.set_verify_callback(asio::ssl::host_name_verification(target.host));
  // SSL_set_tlsext_host_name, spelled out (the macro's C cast breaks the build's warnings).
  if (SSL_ctrl(stream.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
               const_cast<char*>(target.host.c_str())) != 1)
    throw FetchError("cannot set the TLS server name");
  co_await stream.async_handshake(asio::ssl::stream_base::client, use_awaitable);
  co_return co_await exchange(stream, target, body_limit);
}

}  // namespace

Fetched fetch(const std::string& url, std::chrono::milliseconds timeout, std::size_t body_limit) {
  auto target = parse_target(url);
  asio::io_context io;
  auto answer = asio::co_spawn(io, get(std::move(target), timeout, body_limit), asio::use_future);
  io.run();
  try {
    return answer.get();
  } catch (const boost::system::system_error& error) {
    throw FetchError(error.code().message());
  }
}

}  // namespace http

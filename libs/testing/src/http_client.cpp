#include "testing/http_client.hpp"

#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace testing_support {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

boost::json::value Reply::json() const {
  boost::system::error_code ec;
  auto value = boost::json::parse(body, ec);
  return ec ? boost::json::value(nullptr) : value;
}

namespace {

// With API_RESPONSES_FILE set, every answer is appended there as one JSON line, so that the API tests can
// check the end-to-end tests' real responses against the OpenAPI documents (tests/api/responses.test.mjs).
void record(const std::string& method, const std::string& target, const Reply& reply) {
  const char* path = std::getenv("API_RESPONSES_FILE");
  if (path == nullptr || *path == '\0') return;
  const auto content_type = reply.headers.find("Content-Type");
  const boost::json::object line{{"method", method},
                                 {"target", target},
                                 {"status", reply.status},
                                 {"content_type", content_type == reply.headers.end() ? "" : content_type->second},
                                 {"body", reply.body}};
  static std::mutex mutex;
  const std::lock_guard lock{mutex};
  std::ofstream{path, std::ios::app} << boost::json::serialize(line) << '\n';
}

}  // namespace

Reply request(unsigned short port, const std::string& method, const std::string& target, const std::string& body,
              const std::map<std::string, std::string>& headers) {
  boost::asio::io_context io;
  beast::tcp_stream stream{io};
  stream.expires_after(std::chrono::seconds(30));
  stream.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
  bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) req.set(name, value);
  if (!body.empty()) req.set(bhttp::field::content_type, "application/json");
  req.body() = body;
  req.prepare_payload();
  bhttp::write(stream, req);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(16 * 1024 * 1024);
  bhttp::read(stream, buffer, parser);
  auto& res = parser.get();
  Reply reply{.status = static_cast<int>(res.result_int()), .body = res.body(), .headers = {}};
  for (const auto& field : res) reply.headers[std::string(field.name_string())] = std::string(field.value());
  beast::error_code ignored;
  stream.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
  record(method, target, reply);
  return reply;
}

std::map<std::string, std::string> another_client() {
  static std::atomic<std::uint32_t> next{1};
  const auto n = next++;
  return {{"X-Forwarded-For", "10." + std::to_string((n >> 16) & 0xff) + "." + std::to_string((n >> 8) & 0xff) + "." +
                                  std::to_string(n & 0xff)}};
}

namespace {

void wait_for_200(unsigned short port, const char* path, int seconds, const char* what) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    try {
      if (request(port, "GET", path).status == 200) return;
    } catch (const std::exception&) {  // not listening yet
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("service on port " + std::to_string(port) + " did not become " + what);
}

}  // namespace

void wait_until_healthy(unsigned short port, int seconds) { wait_for_200(port, "/healthz", seconds, "healthy"); }

void wait_until_ready(unsigned short port, int seconds) { wait_for_200(port, "/readyz", seconds, "ready"); }

}  // namespace testing_support

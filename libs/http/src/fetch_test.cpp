#include "http/fetch.hpp"

#include <gtest/gtest.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>

#include <thread>

namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

// One connection on a loopback port: reads the request head, then writes `answer` (nothing when empty) and
// keeps the connection open until the client leaves.
class OneShotServer {
 public:
  explicit OneShotServer(std::string answer)
      : acceptor_(io_, {asio::ip::make_address("127.0.0.1"), 0}), answer_(std::move(answer)) {
    thread_ = std::thread([this] {
      auto socket = acceptor_.accept();
      asio::streambuf head;
      boost::system::error_code ec;
      asio::read_until(socket, head, "\r\n\r\n", ec);
      request_ = std::string(asio::buffers_begin(head.data()), asio::buffers_end(head.data()));
      if (!answer_.empty()) asio::write(socket, asio::buffer(answer_), ec);
      char byte;
      socket.read_some(asio::buffer(&byte, 1), ec);
    });
  }
  ~OneShotServer() { thread_.join(); }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + path;
  }
  const std::string& request() const { return request_; }

 private:
  asio::io_context io_;
  tcp::acceptor acceptor_;
  std::string answer_;
  std::string request_;
  std::thread thread_;
};

TEST(Fetch, GetsStatusBodyAndCacheControl) {
  OneShotServer server{
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nCache-Control: public, max-age=300\r\n"
      "Content-Length: 11\r\n\r\n{\"keys\":[]}"};
  const auto answer = http::fetch(server.url("/.well-known/jwks.json?x=1"), 2s);
  EXPECT_EQ(answer.status, 200u);
  EXPECT_EQ(answer.body, R"({"keys":[]})");
  EXPECT_EQ(answer.cache_control, "public, max-age=300");
  EXPECT_TRUE(server.request().starts_with("GET /.well-known/jwks.json?x=1 HTTP/1.1\r\n")) << server.request();
}

TEST(Fetch, FailsOnASilentPeerWithinTheTimeout) {
  OneShotServer server{""};
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THROW(http::fetch(server.url("/"), 300ms), http::FetchError);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

TEST(Fetch, RefusesBodiesOverTheLimitAndBadUrls) {
  OneShotServer server{"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + std::string(100, 'x')};
  EXPECT_THROW(http::fetch(server.url("/"), 2s, 10), http::FetchError);
  EXPECT_THROW(http::fetch("ftp://example.com/", 1s), http::FetchError);
  EXPECT_THROW(http::fetch("not a url", 1s), http::FetchError);
}

}  // namespace

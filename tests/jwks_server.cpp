#include "jwks_server.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

JwksServer::JwksServer() : acceptor_(io_, {asio::ip::make_address("127.0.0.1"), 0}) {
  serve(R"({"keys":[]})");
  thread_ = std::thread([this] { run(); });
}

JwksServer::~JwksServer() {
  stopping_ = true;
  boost::system::error_code ec;
  tcp::socket wake{io_};
  wake.connect(acceptor_.local_endpoint(), ec);  // unblocks accept()
  thread_.join();
}

void JwksServer::serve(std::string document, int max_age_seconds) {
  std::lock_guard lock{mutex_};
  answer_ = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nCache-Control: public, max-age=" +
            std::to_string(max_age_seconds) +
            "\r\nConnection: close\r\nContent-Length: " + std::to_string(document.size()) + "\r\n\r\n" + document;
}

std::string JwksServer::uri() const {
  return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + "/.well-known/jwks.json";
}

void JwksServer::run() {
  while (!stopping_) {
    boost::system::error_code ec;
    auto socket = acceptor_.accept(ec);
    if (ec || stopping_) continue;
    asio::streambuf head;
    asio::read_until(socket, head, "\r\n\r\n", ec);
    if (ec) continue;
    ++fetches_;
    std::string answer;
    {
      std::lock_guard lock{mutex_};
      answer = answer_;
    }
    asio::write(socket, asio::buffer(answer), ec);
  }
}

// A stand-in for the users service's /.well-known/jwks.json that the test controls: it serves the document it is
// given, with Cache-Control, and counts the fetches. One thread, one connection at a time.
#pragma once
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>

class JwksServer {
 public:
  JwksServer();
  ~JwksServer();

  void serve(std::string document, int max_age_seconds = 300);
  int fetches() const { return fetches_.load(); }
  std::string uri() const;

 private:
  void run();

  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::mutex mutex_;
  std::string answer_;
  std::atomic<int> fetches_{0};
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

#pragma once
#include <boost/json/value.hpp>
#include <map>
#include <string>

namespace testing_support {

struct Reply {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;
  boost::json::value json() const;  // the parsed body; null when it is not JSON
};

// One blocking HTTP/1.1 request to 127.0.0.1:port on a new connection.
Reply request(unsigned short port, const std::string& method, const std::string& target, const std::string& body = "",
              const std::map<std::string, std::string>& headers = {});

// {"X-Forwarded-For": a client address no earlier call returned}: with TRUSTED_PROXIES=127.0.0.1/32, each
// request so marked comes from a client of its own, as a load balancer in front of the service would say.
std::map<std::string, std::string> another_client();

// Waits until GET /healthz answers 200 (the server is up) or throws after `seconds`.
void wait_until_healthy(unsigned short port, int seconds = 20);
// Polls GET /readyz until it answers 200 (every dependency ready); throws after `seconds`.
void wait_until_ready(unsigned short port, int seconds = 20);

}  // namespace testing_support

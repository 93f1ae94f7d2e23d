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

// Waits until GET /healthz answers 200 (the server is up) or throws after `seconds`.
void wait_until_healthy(unsigned short port, int seconds = 20);

}  // namespace testing_support

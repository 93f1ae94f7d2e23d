#pragma once
// Which client a request comes from, for per-source limits (docs/security.md).

#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace http {

// The proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES: a comma-separated CIDR list).
class TrustedProxies {
 public:
  TrustedProxies() = default;
  // Throws std::invalid_argument naming the entry that is not an IPv4 or IPv6 CIDR block (or address).
  static TrustedProxies parse(std::string_view cidr_list);

  // The client of a request whose TCP peer is `peer`: the peer itself, unless it is a trusted proxy;
  // then the right-most X-Forwarded-For entry that is not a trusted proxy (the left-most when all are).
  // IPv6 clients are named by their /64 network, so one host cannot rotate through its own addresses.
  std::string client_of(std::string_view peer, std::string_view forwarded_for) const;

 private:
  bool trusts(std::string_view address) const;

  std::vector<boost::asio::ip::network_v4> v4_;
  std::vector<boost::asio::ip::network_v6> v6_;
};

}  // namespace http

#include "http/client_address.hpp"

#include <boost/asio/ip/address.hpp>

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace http {
namespace {

namespace ip = boost::asio::ip;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::optional<ip::address> address_of(std::string_view text) {
  boost::system::error_code error;
  auto address = ip::make_address(trim(text), error);
  if (error) return std::nullopt;
  if (address.is_v6() && address.to_v6().is_v4_mapped()) return ip::make_address_v4(ip::v4_mapped, address.to_v6());
  return address;
}

// IPv4 as it is; IPv6 as its /64 network ("2001:db8:1:2::/64").
std::string source_name(const ip::address& address) {
  if (address.is_v4()) return address.to_string();
  return ip::make_network_v6(address.to_v6(), 64).canonical().to_string();
}

}  // namespace

TrustedProxies TrustedProxies::parse(std::string_view cidr_list) {
  TrustedProxies proxies;
  while (!cidr_list.empty()) {
    const auto comma = cidr_list.find(',');
    const auto entry = trim(cidr_list.substr(0, comma));
    cidr_list = comma == std::string_view::npos ? std::string_view{} : cidr_list.substr(comma + 1);
    if (entry.empty()) continue;
    boost::system::error_code error;
    const std::string text{entry.find('/') == std::string_view::npos
                               ? std::string(entry) + (entry.find(':') == std::string_view::npos ? "/32" : "/128")
                               : std::string(entry)};
    if (text.find(':') == std::string::npos) {
      auto network = ip::make_network_v4(text, error);
      if (!error) proxies.v4_.push_back(network.canonical());
    } else {
      auto network = ip::make_network_v6(text, error);
      if (!error) proxies.v6_.push_back(network.canonical());
    }
    if (error) throw std::invalid_argument("not a CIDR block: " + std::string(entry));
  }
  return proxies;
}

bool TrustedProxies::trusts(std::string_view text) const {
  const auto address = address_of(text);
  if (!address) return false;
  if (address->is_v4()) {
    return std::ranges::any_of(v4_, [&](const ip::network_v4& network) {
      return (address->to_v4().to_uint() & network.netmask().to_uint()) == network.network().to_uint();
    });
  }
  return std::ranges::any_of(v6_, [&](const ip::network_v6& network) {
    return ip::make_network_v6(address->to_v6(), network.prefix_length()).canonical() == network;
  });
}

std::string TrustedProxies::client_of(std::string_view peer, std::string_view forwarded_for) const {
  auto client = address_of(peer);
  if (!client) return std::string(peer);
  if (!trusts(peer)) return source_name(*client);
  // From the right: each hop a trusted proxy appended; the first untrusted one is the client.
  while (!forwarded_for.empty()) {
    const auto comma = forwarded_for.rfind(',');
    const auto entry = forwarded_for.substr(comma == std::string_view::npos ? 0 : comma + 1);
    forwarded_for = comma == std::string_view::npos ? std::string_view{} : forwarded_for.substr(0, comma);
    const auto address = address_of(entry);
    if (!address) break;  // a malformed entry: trust nothing to its left
    client = address;
    if (!trusts(entry)) break;
  }
  return source_name(*client);
}

}  // namespace http

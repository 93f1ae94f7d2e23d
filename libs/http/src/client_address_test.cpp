#include "http/client_address.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace http {
namespace {

TEST(ClientAddress, ThePeerWhenNoProxyIsTrusted) {
  const TrustedProxies none;
  EXPECT_EQ(none.client_of("203.0.113.7", "198.51.100.1"), "203.0.113.7") << "a spoofed header is ignored";
  EXPECT_EQ(none.client_of("127.0.0.1", ""), "127.0.0.1");
}

TEST(ClientAddress, TheRightMostUntrustedForwardedEntryBehindATrustedProxy) {
  const auto proxies = TrustedProxies::parse("127.0.0.1/32, 10.0.0.0/8");
  EXPECT_EQ(proxies.client_of("127.0.0.1", "198.51.100.9"), "198.51.100.9");
  EXPECT_EQ(proxies.client_of("127.0.0.1", "6.6.6.6, 198.51.100.9, 10.1.2.3"), "198.51.100.9")
      << "what the client itself wrote on the left is not believed";
  EXPECT_EQ(proxies.client_of("127.0.0.1", "10.9.9.9, 10.1.2.3"), "10.9.9.9") << "all trusted: the left-most";
  EXPECT_EQ(proxies.client_of("127.0.0.1", ""), "127.0.0.1");
  EXPECT_EQ(proxies.client_of("127.0.0.1", "garbage, 198.51.100.9"), "198.51.100.9");
  EXPECT_EQ(proxies.client_of("192.0.2.1", "198.51.100.9"), "192.0.2.1") << "an untrusted peer's header is ignored";
}

TEST(ClientAddress, IPv6ClientsAreNamedByTheirSlash64) {
  const auto proxies = TrustedProxies::parse("::1");
  EXPECT_EQ(proxies.client_of("2001:db8:1:2:aaaa::1", ""), "2001:db8:1:2::/64");
  EXPECT_EQ(proxies.client_of("2001:db8:1:2:bbbb::9", ""), "2001:db8:1:2::/64");
  EXPECT_EQ(proxies.client_of("::1", "2001:db8:5:6::7"), "2001:db8:5:6::/64");
  EXPECT_EQ(proxies.client_of("::ffff:192.0.2.4", ""), "192.0.2.4") << "IPv4-mapped is IPv4";
}

TEST(ClientAddress, ABadCidrIsRefused) {
  EXPECT_THROW(TrustedProxies::parse("10.0.0.0/8, nonsense"), std::invalid_argument);
  EXPECT_THROW(TrustedProxies::parse("10.0.0.0/33"), std::invalid_argument);
  EXPECT_NO_THROW(TrustedProxies::parse(""));
}

}  // namespace
}  // namespace http

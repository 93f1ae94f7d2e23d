#include "http/router.hpp"

#include "http/json_response.hpp"

#include <gtest/gtest.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

namespace http {
namespace {

boost::asio::awaitable<Response> respond_with(std::string tag) { co_return error(Status::ok, tag); }

// A handler whose response body names it, so a test can tell which route matched.
Handler tagged(std::string tag) {
  return [tag = std::move(tag)](RequestContext) { return respond_with(tag); };
}

// The tag of the handler that `match` found, or "" when it found none.
std::string matched_tag(const Router::Match& match) {
  if (match.handler == nullptr) return "";
  boost::asio::io_context io;
  auto future = boost::asio::co_spawn(io, (*match.handler)(RequestContext{}), boost::asio::use_future);
  io.run();
  return std::string(parse_json_object(future.get().body()).value().at("message").as_string());
}

TEST(Router, MatchesLiteralPath) {
  Router router;
  router.add(Verb::get, "/users/me", tagged("me"));
  router.add(Verb::post, "/users/login", tagged("login"));
  EXPECT_EQ(matched_tag(router.match(Verb::get, "/users/me")), "me");
  EXPECT_EQ(matched_tag(router.match(Verb::post, "/users/login")), "login");
  EXPECT_EQ(router.match(Verb::get, "/users/you").handler, nullptr);
  EXPECT_EQ(router.match(Verb::get, "/users").handler, nullptr);
  EXPECT_EQ(router.match(Verb::get, "/users/me/too").handler, nullptr);
}

TEST(Router, ExtractsParameter) {
  Router router;
  router.add(Verb::get, "/campaigns/{id}", tagged("campaign"));
  const auto match = router.match(Verb::get, "/campaigns/42");
  EXPECT_EQ(matched_tag(match), "campaign");
  EXPECT_EQ(match.params.get("id"), "42");
  EXPECT_EQ(match.params.get("other"), "");
}

TEST(Router, ParameterIsPercentDecodedAndNonEmpty) {
  Router router;
  router.add(Verb::get, "/campaigns/{id}", tagged("campaign"));
  EXPECT_EQ(router.match(Verb::get, "/campaigns/a%20b").params.get("id"), "a b");
  EXPECT_EQ(router.match(Verb::get, "/campaigns/a%2Fb").params.get("id"), "a/b");
  EXPECT_EQ(router.match(Verb::get, "/campaigns/").handler, nullptr);
  EXPECT_EQ(router.match(Verb::get, "/campaigns/%zz").handler, nullptr);
}

TEST(Router, SeveralEncodedSegmentsEachKeepTheirValue) {
  Router router;
  router.add(Verb::get, "/{a}/plain/{b}/{c}", tagged("three"));
  const auto match = router.match(Verb::get, "/%41%20long%20first%20value/plain/x%2Fy/a%25");
  EXPECT_EQ(match.params.get("a"), "A long first value");
  EXPECT_EQ(match.params.get("b"), "x/y");
  EXPECT_EQ(match.params.get("c"), "a%");
}

TEST(Router, ExtractsSeveralParameters) {
  Router router;
  router.add(Verb::post, "/users/{user}/vouchers/{voucher}/redeem", tagged("redeem"));
  const auto match = router.match(Verb::post, "/users/u1/vouchers/v9/redeem");
  EXPECT_EQ(matched_tag(match), "redeem");
  EXPECT_EQ(match.params.get("user"), "u1");
  EXPECT_EQ(match.params.get("voucher"), "v9");
}

TEST(Router, LiteralBeatsParameter) {
  Router router;
  router.add(Verb::get, "/campaigns/{id}", tagged("by-id"));
  router.add(Verb::get, "/campaigns/stats", tagged("stats"));
  EXPECT_EQ(matched_tag(router.match(Verb::get, "/campaigns/stats")), "stats");
  EXPECT_EQ(matched_tag(router.match(Verb::get, "/campaigns/7")), "by-id");
}

// Decision: no trailing-slash folding; "/a/" and "/a" are different paths.
TEST(Router, TrailingSlashIsSignificant) {
  Router router;
  router.add(Verb::get, "/healthz", tagged("health"));
  router.add(Verb::get, "/campaigns/", tagged("slash"));
  EXPECT_EQ(matched_tag(router.match(Verb::get, "/healthz")), "health");
  const auto with_slash = router.match(Verb::get, "/healthz/");
  EXPECT_EQ(with_slash.handler, nullptr);
  EXPECT_FALSE(with_slash.path_known);
  EXPECT_EQ(matched_tag(router.match(Verb::get, "/campaigns/")), "slash");
  EXPECT_EQ(router.match(Verb::get, "/campaigns").handler, nullptr);
}

TEST(Router, UnknownPathIsNotKnown) {
  Router router;
  router.add(Verb::get, "/campaigns", tagged("list"));
  const auto match = router.match(Verb::get, "/nowhere");
  EXPECT_EQ(match.handler, nullptr);
  EXPECT_FALSE(match.path_known);
  EXPECT_TRUE(match.allowed.empty());
  EXPECT_FALSE(router.match(Verb::get, "campaigns").path_known);
  EXPECT_FALSE(router.match(Verb::get, "").path_known);
}

TEST(Router, WrongMethodReportsAllowedMethods) {
  Router router;
  router.add(Verb::get, "/campaigns/{id}", tagged("get"));
  router.add(Verb::patch, "/campaigns/{id}", tagged("patch"));
  router.add(Verb::post, "/campaigns", tagged("create"));
  const auto match = router.match(Verb::delete_, "/campaigns/3");
  EXPECT_EQ(match.handler, nullptr);
  EXPECT_TRUE(match.path_known);
  EXPECT_EQ(match.allowed, (std::vector<Verb>{Verb::get, Verb::patch}));
}

TEST(Router, IgnoresQueryString) {
  Router router;
  router.add(Verb::get, "/campaigns/{id}", tagged("campaign"));
  const auto match = router.match(Verb::get, "/campaigns/5?expand=true&x=/y");
  EXPECT_EQ(matched_tag(match), "campaign");
  EXPECT_EQ(match.params.get("id"), "5");
}

TEST(Router, RejectsPatternWithoutLeadingSlash) {
  Router router;
  EXPECT_THROW(router.add(Verb::get, "campaigns", tagged("x")), std::invalid_argument);
}

}  // namespace
}  // namespace http

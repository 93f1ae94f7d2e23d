#include "openapi.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <stdexcept>

namespace service {
namespace {

TEST(MergeOpenapi, AddsTheHostsPathsAndComponentsToTheServicesDocument) {
  const auto merged = boost::json::parse(merge_openapi(
      R"({"openapi":"3.1.0","info":{"title":"users"},"paths":{"/users/me":{}},"components":{"schemas":{"User":{}}}})",
      R"({"paths":{"/healthz":{}},"components":{"schemas":{"Error":{}},"responses":{"NotFound":{}}}})"));
  EXPECT_EQ(merged.at("info").at("title"), "users");
  EXPECT_TRUE(merged.at("paths").as_object().contains("/users/me"));
  EXPECT_TRUE(merged.at("paths").as_object().contains("/healthz"));
  EXPECT_EQ(merged.at("components").at("schemas").as_object().size(), 2U);
  EXPECT_TRUE(merged.at("components").at("responses").as_object().contains("NotFound"));
}

TEST(MergeOpenapi, APathDefinedTwiceIsAnError) {
  EXPECT_THROW(merge_openapi(R"({"paths":{"/healthz":{}}})", R"({"paths":{"/healthz":{}},"components":{}})"),
               std::logic_error);
}

}  // namespace
}  // namespace service

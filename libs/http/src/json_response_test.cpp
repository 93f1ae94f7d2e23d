#include "http/json_response.hpp"

#include <gtest/gtest.h>

namespace http {
namespace {

void expect_json_headers(const Response& response) {
  EXPECT_EQ(response[Field::content_type], "application/json");
  EXPECT_EQ(response[Field::cache_control], "no-store");
}

TEST(JsonResponse, SuccessWithNamedObject) {
  const Response response = success(Status::created, "user", boost::json::object{{"id", 7}, {"name", "ann"}});
  EXPECT_EQ(response.result(), Status::created);
  EXPECT_EQ(response.body(), R"({"status":"success","user":{"id":7,"name":"ann"}})");
  expect_json_headers(response);
}

TEST(JsonResponse, SuccessWithFieldsKeepsOrderAndStatusFirst) {
  const Response response =
      success(Status::ok, boost::json::object{{"token", "t"}, {"token_type", "Bearer"}, {"expires_in", 1800}});
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(response.body(), R"({"status":"success","token":"t","token_type":"Bearer","expires_in":1800})");
  expect_json_headers(response);
}

TEST(JsonResponse, SuccessFieldsCannotOverrideStatus) {
  const Response response = success(Status::ok, boost::json::object{{"status", "error"}});
  EXPECT_EQ(response.body(), R"({"status":"success"})");
}

TEST(JsonResponse, Error) {
  const Response response = error(Status::unauthorized, "invalid credentials");
  EXPECT_EQ(response.result(), Status::unauthorized);
  EXPECT_EQ(response.body(), R"({"status":"error","message":"invalid credentials"})");
  expect_json_headers(response);
}

TEST(JsonResponse, ValidationError) {
  const Response response = validation_error({{"email", "invalid email"}, {"password", "too short"}});
  EXPECT_EQ(response.result(), Status::bad_request);
  EXPECT_EQ(response.body(),
            R"({"status":"error","message":"validation failed","errors":[)"
            R"({"field":"email","message":"invalid email"},{"field":"password","message":"too short"}]})");
  expect_json_headers(response);
}

TEST(ParseJsonObject, AcceptsObject) {
  const auto parsed = parse_json_object(R"({"a": 1, "b": "x"})");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->at("a").as_int64(), 1);
  EXPECT_EQ(parsed->at("b").as_string(), "x");
}

TEST(ParseJsonObject, RejectsMalformed) {
  EXPECT_FALSE(parse_json_object("").has_value());
  EXPECT_FALSE(parse_json_object("{").has_value());
  EXPECT_FALSE(parse_json_object(R"({"a":1} trailing)").has_value());
  EXPECT_FALSE(parse_json_object(R"({'a':1})").has_value());
}

TEST(ParseJsonObject, RejectsNonObject) {
  EXPECT_FALSE(parse_json_object("[1,2]").has_value());
  EXPECT_FALSE(parse_json_object("1").has_value());
  EXPECT_FALSE(parse_json_object(R"("text")").has_value());
  EXPECT_FALSE(parse_json_object("null").has_value());
}

std::optional<std::string_view> token_of(Request& request, std::string_view header) {
  request.set(Field::authorization, header);
  return bearer_token(request);
}

TEST(BearerToken, ParsesSchemeCaseInsensitively) {
  Request request;
  EXPECT_EQ(token_of(request, "Bearer abc.def.ghi"), "abc.def.ghi");
  EXPECT_EQ(token_of(request, "bearer abc"), "abc");
  EXPECT_EQ(token_of(request, "BEARER   abc  "), "abc");
}

TEST(BearerToken, RejectsOtherShapes) {
  Request request;
  EXPECT_EQ(bearer_token(request), std::nullopt);
  EXPECT_EQ(token_of(request, "Basic abc"), std::nullopt);
  EXPECT_EQ(token_of(request, "Bearer"), std::nullopt);
  EXPECT_EQ(token_of(request, "Bearer   "), std::nullopt);
  EXPECT_EQ(token_of(request, "Bearerabc"), std::nullopt);
  EXPECT_EQ(token_of(request, "Bearer a b"), std::nullopt);
}

}  // namespace
}  // namespace http

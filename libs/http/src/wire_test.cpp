#include "wire.hpp"

#include <gtest/gtest.h>

namespace http {
namespace {

Response answer(Status status, std::string body) {
  Response response{status, 11};
  response.set(Field::content_type, "application/json");
  response.body() = std::move(body);
  return response;
}

TEST(Wire, WritesStatusFieldsLengthRequestIdAndBody) {
  EXPECT_EQ(serialize(answer(Status::ok, "{}"), 11, true, "abc"),
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nX-Request-Id: abc\r\n\r\n{}");
}

TEST(Wire, ClosingSaysSoOnHttp11AndKeepingAliveSaysSoOnHttp10) {
  EXPECT_NE(serialize(answer(Status::ok, ""), 11, false, "r").find("\r\nConnection: close\r\n"), std::string::npos);
  EXPECT_EQ(serialize(answer(Status::ok, ""), 11, true, "r").find("Connection"), std::string::npos);
  const std::string http10 = serialize(answer(Status::ok, ""), 10, true, "r");
  EXPECT_TRUE(http10.starts_with("HTTP/1.0 200 OK\r\n"));
  EXPECT_NE(http10.find("\r\nConnection: keep-alive\r\n"), std::string::npos);
  EXPECT_EQ(serialize(answer(Status::ok, ""), 10, false, "r").find("Connection"), std::string::npos);
}

TEST(Wire, TheHandlersLengthAndConnectionFieldsAreReplaced) {
  Response response = answer(Status::ok, "four");
  response.set(Field::content_length, "99");
  response.set(Field::connection, "keep-alive");
  const std::string bytes = serialize(response, 11, false, "r");
  EXPECT_NE(bytes.find("Content-Length: 4\r\n"), std::string::npos);
  EXPECT_EQ(bytes.find("99"), std::string::npos);
  EXPECT_EQ(bytes.find("keep-alive"), std::string::npos);
}

TEST(Wire, NoLengthWhereNoBodyMayBe) {
  EXPECT_EQ(serialize(answer(Status::no_content, ""), 11, true, "r").find("Content-Length"), std::string::npos);
  EXPECT_EQ(serialize(answer(Status::not_modified, ""), 11, true, "r").find("Content-Length"), std::string::npos);
  EXPECT_NE(serialize(answer(Status::not_found, ""), 11, true, "r").find("Content-Length: 0\r\n"), std::string::npos);
  EXPECT_FALSE(may_have_body(Status::continue_));
  EXPECT_TRUE(may_have_body(Status::created));
}

TEST(Wire, AnUnknownStatusKeepsItsNumber) {
  Response response{static_cast<Status>(299), 11};
  EXPECT_TRUE(serialize(response, 11, true, "r").starts_with("HTTP/1.1 299 "));
}

}  // namespace
}  // namespace http

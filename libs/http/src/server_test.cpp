// The server: dispatch, responses, request ids and the access log.
#include "server_test_fixture.hpp"

namespace http::server_test {

TEST_F(ServerTest, GetReturnsHandlerResponse) {
  Client client{port_};
  const Response response = client.send(make_request(Verb::get, "/hello"));
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(response.body(), R"({"status":"success","greeting":"hi"})");
  EXPECT_EQ(response[Field::content_type], "application/json");
  EXPECT_EQ(response.count(Field::server), 0U);
  EXPECT_EQ(response["X-Request-Id"].size(), 16U);
}

TEST_F(ServerTest, SetsContentLengthOfHandlerBuiltResponse) {
  Client client{port_};
  const Response response = client.send(make_request(Verb::get, "/raw"));
  EXPECT_EQ(response[Field::content_length], "3");
  EXPECT_EQ(response.body(), "raw");
  EXPECT_EQ(client.send(make_request(Verb::get, "/hello")).result(), Status::ok);
}

TEST_F(ServerTest, PassesPathParameters) {
  Client client{port_};
  const Response response = client.send(make_request(Verb::get, "/items/42?verbose=1"));
  EXPECT_EQ(response.body(), R"({"status":"success","id":"42"})");
}

TEST_F(ServerTest, UnknownPathIs404) {
  Client client{port_};
  const Response response = client.send(make_request(Verb::get, "/nowhere"));
  EXPECT_EQ(response.result(), Status::not_found);
  EXPECT_EQ(response.body(), R"({"status":"error","message":"not found"})");
}

TEST_F(ServerTest, WrongMethodIs405WithAllow) {
  Client client{port_};
  const Response response = client.send(make_request(Verb::post, "/hello"));
  EXPECT_EQ(response.result(), Status::method_not_allowed);
  EXPECT_EQ(response.body(), R"({"status":"error","message":"method not allowed"})");
  EXPECT_EQ(response[Field::allow], "GET");
}

TEST_F(ServerTest, EchoesSaneRequestIdAndReplacesOthers) {
  Client client{port_};
  Request sane = make_request(Verb::get, "/hello");
  sane.set("X-Request-Id", "trace-42.a_b");
  EXPECT_EQ(client.send(std::move(sane))["X-Request-Id"], "trace-42.a_b");
  Request insane = make_request(Verb::get, "/hello");
  insane.set("X-Request-Id", "bad id; drop table");
  const auto replaced = client.send(std::move(insane))["X-Request-Id"];
  EXPECT_EQ(replaced.size(), 16U);
  EXPECT_NE(replaced, "bad id; drop table");
}

TEST_F(ServerTest, WritesOneAccessLineWithoutQuery) {
  Client client{port_};
  Request request = make_request(Verb::get, "/items/7?token=hidden");
  request.set("X-Request-Id", "rid-1");
  client.send(std::move(request));
  const std::string log = log_text();
  EXPECT_NE(log.find("info GET /items/7 200 "), std::string::npos) << log;
  EXPECT_NE(log.find("ms rid=rid-1"), std::string::npos) << log;
  EXPECT_EQ(log.find("hidden"), std::string::npos) << log;
}

}  // namespace http::server_test

// The server: limits, malformed input, failures, keep-alive and graceful stop.
#include "server_test_fixture.hpp"

namespace http::server_test {

TEST_F(ServerTest, BodyAtLimitIsAccepted) {
  Client client{port_};
  const Response response = client.send(make_request(Verb::post, "/echo", std::string(16 * 1024, 'x')));
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(response.body(), R"({"status":"success","size":16384})");
}

TEST_F(ServerTest, BodyOverLimitIs413ThenClose) {
  Client client{port_};
  const Response response = client.send(make_request(Verb::post, "/echo", std::string(64 * 1024, 'x')));
  EXPECT_EQ(response.result(), Status::payload_too_large);
  EXPECT_EQ(response.body(), R"({"status":"error","message":"request body too large"})");
  EXPECT_FALSE(response.keep_alive());
  EXPECT_TRUE(client.closed_by_peer());
}

TEST_F(ServerTest, HeaderOverLimitIs431) {
  Client client{port_};
  Request request = make_request(Verb::get, "/hello");
  request.set("X-Big", std::string(9 * 1024, 'h'));
  const Response response = client.send(std::move(request));
  EXPECT_EQ(response.result(), Status::request_header_fields_too_large);
  EXPECT_TRUE(client.closed_by_peer());
}

TEST_F(ServerTest, MalformedRequestIs400ThenClose) {
  Client client{port_};
  client.send_raw("GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n");
  const Response response = client.receive();
  EXPECT_EQ(response.result(), Status::bad_request);
  EXPECT_TRUE(client.closed_by_peer());
}

TEST_F(ServerTest, Http11WithoutHostIs400ThenCloseButHttp10IsServed) {
  Client client{port_};
  client.send_raw("GET /hello HTTP/1.1\r\n\r\n");
  const Response response = client.receive();
  EXPECT_EQ(response.result(), Status::bad_request);
  EXPECT_EQ(response.body(), R"({"status":"error","message":"missing Host header"})");
  EXPECT_TRUE(client.closed_by_peer());
  Client old{port_};
  old.send_raw("GET /hello HTTP/1.0\r\n\r\n");
  EXPECT_EQ(old.receive().result(), Status::ok);
}

TEST_F(ServerTest, HandlerExceptionIs500WithoutDetails) {
  Client client{port_};
  const Response response = client.send(make_request(Verb::get, "/boom"));
  EXPECT_EQ(response.result(), Status::internal_server_error);
  EXPECT_EQ(response.body(), R"({"status":"error","message":"internal error"})");
  EXPECT_EQ(response.body().find("secret"), std::string::npos);
  EXPECT_NE(log_text().find("handler failed rid="), std::string::npos);
  EXPECT_NE(log_text().find("secret-detail-xyz"), std::string::npos);
  EXPECT_EQ(client.send(make_request(Verb::get, "/hello")).result(), Status::ok);  // connection survives
}

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  Client client{port_};
  EXPECT_EQ(client.send(make_request(Verb::get, "/hello")).result(), Status::ok);
  const Response second = client.send(make_request(Verb::get, "/items/2"));
  EXPECT_EQ(second.result(), Status::ok);
  EXPECT_TRUE(second.keep_alive());
  EXPECT_EQ(server_->active_connections(), 1U);
}

TEST_F(ServerTest, StopRefusesNewConnections) {
  EXPECT_FALSE(connection_refused(port_));
  server_->stop();
  EXPECT_TRUE(eventually([&] { return connection_refused(port_); }));
}

TEST_F(ServerTest, StopClosesIdleKeepAliveConnections) {
  Client client{port_};
  EXPECT_EQ(client.send(make_request(Verb::get, "/hello")).result(), Status::ok);
  server_->stop();
  EXPECT_TRUE(client.closed_by_peer());
  EXPECT_TRUE(eventually([&] { return server_->active_connections() == 0; }));
}

TEST_F(ServerTest, StopLetsInFlightRequestFinish) {
  Client client{port_};
  client.send_raw("GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n");
  std::this_thread::sleep_for(100ms);
  server_->stop();
  const Response response = client.receive();
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_FALSE(response.keep_alive());
  EXPECT_TRUE(client.closed_by_peer());
}

}  // namespace http::server_test

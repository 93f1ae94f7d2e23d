// The server's time limits: idle keep-alive, reading one request, writing one answer.
#include "server_test_fixture.hpp"

namespace http::server_test {
namespace {

class ServerTimeoutTest : public ServerTest {
 protected:
  ServerTimeoutTest() {
    options_.idle_timeout = 500ms;
    options_.read_timeout = 300ms;
    options_.write_timeout = 300ms;
  }
};

TEST_F(ServerTimeoutTest, AnIdleConnectionIsClosedAfterTheIdleTimeout) {
  Client client{port_};
  EXPECT_EQ(client.send(make_request(Verb::get, "/hello")).result(), Status::ok);
  EXPECT_TRUE(client.closed_by_peer());  // the client gives up after 3 s
  EXPECT_TRUE(eventually([&] { return server_->active_connections() == 0; }));
}

// The timer under the idle deadline first fires one idle timeout after the first request; requests since
// then moved the deadline later, so the connection must stay open.
TEST_F(ServerTimeoutTest, RequestsKeepAConnectionOpenPastItsFirstIdleDeadline) {
  Client client{port_};
  for (int i = 0; i < 25; ++i) {  // 1.25 s: two and a half idle timeouts
    ASSERT_EQ(client.send(make_request(Verb::get, "/hello")).result(), Status::ok) << "request " << i;
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_EQ(server_->active_connections(), 1U);
}

// Slowloris: bytes that keep arriving do not extend the time one request may take.
TEST_F(ServerTimeoutTest, ARequestTrickledInForLongerThanTheReadTimeoutIsCutOff) {
  Client client{port_};
  client.send_raw("GET /hello HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
  bool cut_off = false;
  try {
    for (int i = 0; i < 40; ++i) {  // 2 s, a byte every 50 ms
      client.send_raw("a");
      std::this_thread::sleep_for(50ms);
    }
  } catch (const boost::system::system_error&) {  // the server closed the connection while bytes still came
    cut_off = true;
  }
  EXPECT_TRUE(cut_off);
  EXPECT_TRUE(client.closed_by_peer());
  EXPECT_TRUE(eventually([&] { return server_->active_connections() == 0; }));
  EXPECT_TRUE(exchanges().empty());
}

TEST_F(ServerTimeoutTest, AnAnswerTheClientDoesNotReadIsCutOffAfterTheWriteTimeout) {
  Client client{port_};
  client.send_raw("GET /big HTTP/1.1\r\nHost: localhost\r\n\r\n");
  ASSERT_TRUE(eventually([&] { return exchanges().size() == 1; }));  // answered: now writing
  EXPECT_EQ(server_->active_connections(), 1U);
  EXPECT_TRUE(eventually([&] { return server_->active_connections() == 0; }));
}

TEST_F(ServerTimeoutTest, ARequestInPiecesWithinTheReadTimeoutIsServed) {
  Client client{port_};
  client.send_raw("POST /echo HTTP/1.1\r\nHost: local");
  std::this_thread::sleep_for(50ms);
  client.send_raw("host\r\nContent-Length: 10\r\n\r\n01234");
  std::this_thread::sleep_for(50ms);
  client.send_raw("56789");
  const Response response = client.receive();
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_NE(response.body().find(R"("size":10)"), std::string::npos) << response.body();
}

TEST_F(ServerTimeoutTest, PipelinedRequestsInOneWriteAreAnsweredInOrder) {
  Client client{port_};
  client.send_raw(
      "GET /items/1 HTTP/1.1\r\nHost: localhost\r\n\r\n"
      "GET /items/2 HTTP/1.1\r\nHost: localhost\r\n\r\n");
  EXPECT_NE(client.receive().body().find(R"("id":"1")"), std::string::npos);
  EXPECT_NE(client.receive().body().find(R"("id":"2")"), std::string::npos);
}

}  // namespace
}  // namespace http::server_test

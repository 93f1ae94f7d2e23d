// The server: dispatch, responses, request ids and the access log.
#include "server_test_fixture.hpp"

#include <boost/asio/executor_work_guard.hpp>

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
  EXPECT_NE(log.find("request method=GET route=/items/{id} path=/items/7 status=200 latency_ms="), std::string::npos)
      << log;
  EXPECT_NE(log.find("request_id=rid-1 remote=127.0.0.1 bytes=29"), std::string::npos) << log;
  EXPECT_EQ(log.find("hidden"), std::string::npos) << log;
}

TEST_F(ServerTest, ReportsEachExchangeWithItsRoutePattern) {
  Client client{port_};
  client.send(make_request(Verb::get, "/items/7"));
  client.send(make_request(Verb::get, "/nowhere/at/all"));
  client.send(make_request(Verb::post, "/hello"));
  EXPECT_EQ(exchanges(), (std::vector<std::string>{"GET /items/{id} 200", "GET unmatched 404", "POST unmatched 405"}));
}

TEST_F(ServerTest, AFailureTheHookRecognisesGetsItsAnswerOthersAre500) {
  Client client{port_};
  EXPECT_EQ(client.send(make_request(Verb::get, "/unavailable")).result(), Status::service_unavailable);
  EXPECT_EQ(client.send(make_request(Verb::get, "/boom")).result(), Status::internal_server_error);
  EXPECT_EQ(log_text().find("dependency down"), std::string::npos) << "the hook logs what it recognises";
}

// Connections go round-robin to the shards; each is served by its shard's router on its shard's thread.
TEST(ServerShards, SpreadConnectionsAndServeEachOnItsShardsThread) {
  asio::io_context first_io;
  asio::io_context second_io;
  const auto routes_of = [](std::string name) {
    Router router;
    router.add(Verb::get, "/whoami", [name](RequestContext) -> asio::awaitable<Response> {
      std::ostringstream thread;
      thread << std::this_thread::get_id();
      co_return success(Status::ok, name, boost::json::string(thread.str()));
    });
    return router;
  };
  std::vector<Shard> shards{{first_io, routes_of("first")}, {second_io, routes_of("second")}};
  ServerOptions options;
  options.address = "127.0.0.1";
  auto log = std::make_shared<spdlog::logger>("web");
  Server server{std::move(shards), options, log};
  const auto port = server.start();
  auto first_work = asio::make_work_guard(first_io);  // a shard without connections must keep running
  auto second_work = asio::make_work_guard(second_io);
  std::string first_thread;
  std::string second_thread;
  std::thread first_runner{[&] {
    std::ostringstream id;
    id << std::this_thread::get_id();
    first_thread = id.str();
    first_io.run();
  }};
  std::thread second_runner{[&] {
    std::ostringstream id;
    id << std::this_thread::get_id();
    second_thread = id.str();
    second_io.run();
  }};

  std::vector<std::string> answers;
  for (int i = 0; i < 4; ++i) {
    Client client{port};
    answers.push_back(client.send(make_request(Verb::get, "/whoami")).body());
    EXPECT_EQ(client.send(make_request(Verb::get, "/whoami")).body(), answers.back())
        << "a connection stays on its shard";
  }
  server.stop();
  first_io.stop();
  second_io.stop();
  first_runner.join();
  second_runner.join();
  const auto answer = [](const std::string& name, const std::string& thread) {
    return R"({"status":"success",")" + name + R"(":")" + thread + R"("})";
  };
  EXPECT_EQ(answers, (std::vector<std::string>{answer("first", first_thread), answer("second", second_thread),
                                               answer("first", first_thread), answer("second", second_thread)}));
}

}  // namespace http::server_test

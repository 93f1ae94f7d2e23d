// End-to-end: the real users-service binary on a free port, its own database, the test broker.
#include <boost/json/serialize.hpp>
#include <thread>
#include <vector>

#include "testing/stack.hpp"
#include "users_fixture.hpp"

using namespace testing_support;

namespace {

std::string registration(const boost::json::object& identifiers) {
  boost::json::object body = identifiers;
  body["password"] = "correct horse battery";
  body["full_name"] = "Test User";
  body["birthday"] = "1990-01-01";
  return boost::json::serialize(body);
}

}  // namespace

TEST_F(UsersService, RegisterLoginAndMe) {
  auto created = post("/users/register", registration({{"username", "alice"}, {"email", "Alice@Example.com"}}));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json().at("status"), "success");
  EXPECT_EQ(created.json().at("user").at("username"), "alice");
  EXPECT_FALSE(created.json().at("user").as_object().contains("password_hash"));

  auto logged_in = login("alice@example.com");
  ASSERT_EQ(logged_in.status, 200) << logged_in.body;
  EXPECT_EQ(logged_in.json().at("token_type"), "Bearer");
  EXPECT_EQ(logged_in.json().at("expires_in"), 1800);
  const std::string token{logged_in.json().at("token").as_string()};

  auto me = request(port_, "GET", "/users/me", "", {{"Authorization", "Bearer " + token}});
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json().at("user").at("username"), "alice");
  EXPECT_EQ(me.json().at("user").at("is_admin"), false);

  EXPECT_EQ(request(port_, "GET", "/users/me").status, 401);
  EXPECT_EQ(request(port_, "GET", "/users/me", "", {{"Authorization", "Bearer " + token + "x"}}).status, 401);
}

TEST_F(UsersService, IdentifiersAreUniqueAcrossFieldsAndCaseInsensitive) {
  ASSERT_EQ(post("/users/register",
                 registration({{"username", "bob"}, {"email", "bob@example.com"}, {"phone", "0912345678"}}))
                .status,
            201);
  auto same_email_other_case = post("/users/register", registration({{"email", "BOB@Example.COM"}}));
  EXPECT_EQ(same_email_other_case.status, 409);
  EXPECT_EQ(same_email_other_case.json().at("message"), "identifier already taken");
  EXPECT_EQ(post("/users/register", registration({{"username", "BOB"}})).status, 409);
  // A username may not equal another user's phone (an email can never equal a username: '@').
  EXPECT_EQ(post("/users/register", registration({{"username", "0912345678"}})).status, 409);
  EXPECT_EQ(post("/users/register", registration({{"phone", "0912345678"}, {"username", "carol"}})).status, 409);
  EXPECT_EQ(count("SELECT count(*) FROM users"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM user_identifiers WHERE identifier = 'carol'"), 0);
  EXPECT_EQ(post("/users/register", registration({{"username", "carol"}})).status, 201);
}

TEST_F(UsersService, LoginFailuresAreIndistinguishable) {
  register_user("dave");
  auto unknown = login("nobody-here");
  auto wrong_password = login("dave", "not the right password");
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong_password.status, 401);
  EXPECT_EQ(unknown.body, wrong_password.body);
  EXPECT_EQ(unknown.body, R"({"status":"error","message":"invalid credentials"})");

  sql_->exec("UPDATE users SET is_active = false WHERE username = 'dave'");
  auto inactive = login("dave");
  EXPECT_EQ(inactive.status, 401);
  EXPECT_EQ(inactive.body, unknown.body);
}

TEST_F(UsersService, BadInputIsRefusedAndChangesNothing) {
  auto malformed = post("/users/register", "{\"username\": ");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.json().at("message"), "malformed JSON");

  auto invalid = post("/users/register", R"({"username":"x","password":"short"})");
  EXPECT_EQ(invalid.status, 400);
  EXPECT_EQ(invalid.json().at("errors").as_array().size(), 4u);

  auto too_large = post("/users/register", registration({{"username", std::string(20000, 'a')}}));
  EXPECT_EQ(too_large.status, 413);

  auto role = post("/users/register", R"({"username":"eve","password":"correct horse battery","full_name":"Eve",
                                           "birthday":"1990-01-01","is_admin":true,"role":"admin"})");
  ASSERT_EQ(role.status, 201);
  EXPECT_EQ(role.json().at("user").at("is_admin"), false);
  EXPECT_EQ(count("SELECT count(*) FROM users WHERE is_admin"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM users"), 1);
}

TEST_F(UsersService, AFullHashingQueueAnswers503AndChangesNothing) {
  start_service({{"HASH_THREADS", "1"}, {"HASH_QUEUE", "0"}});
  constexpr int attempts = 8;
  std::vector<Reply> replies(attempts);
  std::vector<std::thread> clients;
  for (int i = 0; i < attempts; ++i) {
    clients.emplace_back([&, i] {
      replies[i] = post("/users/register", registration({{"username", "busy" + std::to_string(i)}}));
    });
  }
  for (auto& client : clients) client.join();

  int created = 0;
  int refused = 0;
  for (const auto& reply : replies) {
    if (reply.status == 201) ++created;
    if (reply.status != 503) continue;
    ++refused;
    EXPECT_EQ(reply.headers.at("Retry-After"), "1");
    EXPECT_EQ(reply.json().at("message"), "too many password checks in progress, retry shortly");
  }
  EXPECT_EQ(created + refused, attempts) << "every answer is 201 or 503";
  EXPECT_GE(created, 1);
  EXPECT_GE(refused, 1) << "one hashing thread and no queue cannot take 8 registrations at once";
  EXPECT_EQ(count("SELECT count(*) FROM users"), created);
}

TEST_F(UsersService, CreateAdminMakesAnAdministrator) {
  Process create{binary("services/users/users-service"),
                 {"create-admin", "--username", "root_admin"},
                 environment(),
                 "an admin password\n"};
  ASSERT_EQ(create.wait(), 0) << create.output();
  auto token = login("root_admin", "an admin password").json().at("token");
  auto me = request(port_, "GET", "/users/me", "", {{"Authorization", "Bearer " + std::string(token.as_string())}});
  EXPECT_EQ(me.json().at("user").at("is_admin"), true);
}

TEST(UsersServiceConfiguration, MissingSettingExitsWithCode2NamingIt) {
  Process service{binary("services/users/users-service"),
                  {"serve"},
                  {{"DB_URI", "postgresql://127.0.0.1:1"},
                   {"MQ_URI", "amqp://127.0.0.1:1"},
                   {"PRIVATE_KEY", ""},
                   {"LOG_DIR", "/tmp/users_config_test"}}};
  EXPECT_EQ(service.wait(), 2);
  EXPECT_NE(service.output().find("PRIVATE_KEY"), std::string::npos) << service.output();

  Process bad_port{
      binary("services/users/users-service"), {"serve", "--port", "eighty"}, {{"LOG_DIR", "/tmp/users_config_test"}}};
  EXPECT_EQ(bad_port.wait(), 2);
  EXPECT_NE(bad_port.output().find("PORT"), std::string::npos) << bad_port.output();
}

#include "users_fixture.hpp"

#include <boost/json/serialize.hpp>
#include <cstdlib>

#include "testing/stack.hpp"

using namespace testing_support;

void UsersService::SetUp() {
  if (pg_uri().empty() || mq_uri().empty()) GTEST_SKIP() << "TEST_PG_URI/TEST_MQ_URI not set: run `make test`";
  database_ = std::make_unique<TempDatabase>("users_test");
  routing_key_ = unique_name("promotion_test");
  log_dir_ = "/tmp/" + unique_name("users_logs");
  Process migrate{binary("services/users/users-service"), {"migrate"}, environment()};
  ASSERT_EQ(migrate.wait(), 0) << migrate.output();
  sql_.emplace(database_->uri());
  start_service();
}

void UsersService::TearDown() {
  if (service_ && HasFailure()) std::cerr << "users-service output:\n" << service_->output();
  service_.reset();
  sql_.reset();
  database_.reset();
}

std::map<std::string, std::string> UsersService::environment() const {
  const char* key = std::getenv("PRIVATE_KEY");
  return {{"DB_URI", database_->uri()},
          {"MQ_URI", mq_uri()},
          {"MQ_PROMOTION_ROUTING_KEY", routing_key_},
          {"PRIVATE_KEY", key ? key : std::string(PROJECT_SOURCE_DIR) + "/.run/keys/private.pem"},
          {"LOG_DIR", log_dir_},
          {"OUTBOX_POLL_MS", "500"},
          {"DB_POOL_SIZE", "8"},
          {"HOST", "127.0.0.1"},
          {"TRUSTED_PROXIES", "127.0.0.1/32"}};
}

void UsersService::start_service(const std::map<std::string, std::string>& extra) {
  service_.reset();
  auto env = environment();
  for (const auto& [name, value] : extra) env[name] = value;
  port_ = free_port();
  service_ = std::make_unique<Process>(
      binary("services/users/users-service"),
      std::vector<std::string>{"serve", "--port", std::to_string(port_), "--workers", "2"}, env);
  wait_until_healthy(port_);
}

void UsersService::register_user(const std::string& username, const std::string& password) {
  auto reply = post(
      "/users/register",
      boost::json::serialize(boost::json::object{
          {"username", username}, {"password", password}, {"full_name", "Test User"}, {"birthday", "1990-01-01"}}));
  ASSERT_EQ(reply.status, 201) << reply.body;
}

Reply UsersService::login(const std::string& identifier, const std::string& password) {
  return post("/users/login",
              boost::json::serialize(boost::json::object{{"identifier", identifier}, {"password", password}}));
}

Reply UsersService::post(const std::string& target, const std::string& body) {
  return request(port_, "POST", target, body, another_client());
}

std::int64_t UsersService::count(const std::string& sql) { return std::stoll(std::string(sql_->exec(sql).get(0, 0))); }

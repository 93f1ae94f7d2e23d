// What an operator relies on, tried on the real processes: /metrics of every process (valid for promtool,
// moving with requests), readiness naming the failed dependency, 503 with Retry-After while PostgreSQL is
// down and recovery by itself once it is back, and the structured access log.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "pipeline_fixture.hpp"
#include "testing/stack.hpp"

using namespace testing_support;

namespace {

// The value of the sample whose line starts with `series` (name and labels, exactly), or -1 when absent.
double sample(const std::string& scrape, const std::string& series) {
  std::istringstream lines{scrape};
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with(series + " ")) return std::stod(line.substr(series.size() + 1));
  }
  return -1;
}

// `promtool check metrics` on the text; its exit code (0: valid exposition).
int promtool_check(const std::string& scrape) {
  const auto path = std::filesystem::temp_directory_path() / unique_name("scrape");
  std::ofstream{path} << scrape;
  const int status = std::system(("promtool check metrics < " + path.string() + " > /dev/null 2>&1").c_str());
  std::filesystem::remove(path);
  return WEXITSTATUS(status);
}

std::string scrape(unsigned short port) {
  const auto reply = request(port, "GET", "/metrics");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.headers.at("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  return reply.body;
}

std::string body(const boost::json::object& fields) { return boost::json::serialize(fields); }

// The status of GET target, or 0 while nothing listens on the port.
int status_of(unsigned short port, const std::string& target) {
  try {
    return request(port, "GET", target).status;
  } catch (const std::exception&) {
    return 0;
  }
}

}  // namespace

class Operations : public Pipeline {
 protected:
  std::string token_of(const std::string& identifier) {
    auto reply = request(users_port_, "POST", "/users/login",
                         body({{"identifier", identifier}, {"password", "correct horse battery"}}));
    EXPECT_EQ(reply.status, 200) << reply.body;
    return std::string(reply.json().at("token").as_string());
  }
};

TEST_F(Operations, EveryProcessExposesValidMetricsThatMoveWithTheWork) {
  start_users();
  start_promotion_api();
  start_consumer(4);
  ASSERT_TRUE(
      eventually([&] { return status_of(consumer_metrics_ports_.at(0), "/readyz") == 200; }, std::chrono::seconds(10)));
  create_campaign(10);
  const auto identifiers = seed_users("metrics_user", 3);

  const auto before = scrape(users_port_);
  const std::string logins = R"(http_requests_total{method="POST",route="/users/login",status="200"})";
  const std::string login_latency = R"(http_request_duration_seconds_count{route="/users/login"})";
  const double logins_before = std::max(0.0, sample(before, logins));
  const double latency_before = std::max(0.0, sample(before, login_latency));
  EXPECT_EQ(login_all(identifiers), 3);
  ASSERT_TRUE(wait_processed(3, std::chrono::seconds(20)));

  const auto users = scrape(users_port_);
  EXPECT_EQ(sample(users, logins), logins_before + 3) << users;
  EXPECT_EQ(sample(users, login_latency), latency_before + 3);
  EXPECT_EQ(sample(users, R"(http_request_duration_seconds_bucket{route="/users/login",le="+Inf"})"),
            latency_before + 3);
  EXPECT_TRUE(
      eventually([&] { return sample(scrape(users_port_), "outbox_published_total") == 3; }, std::chrono::seconds(5)));
  EXPECT_EQ(sample(users, "outbox_relay_up"), 1);
  EXPECT_GE(sample(users, "hashing_rejections_total"), 0);
  EXPECT_GT(sample(users, "process_resident_memory_bytes"), 0);
  EXPECT_GT(sample(users, "db_pool_connects_total"), 0);
  EXPECT_NE(users.find("build_info{version=\""), std::string::npos);

  request(promotion_port_, "GET", "/vouchers/no/such/route");
  const auto promotion = scrape(promotion_port_);
  EXPECT_EQ(sample(promotion, R"(http_requests_total{method="GET",route="unmatched",status="404"})"), 1)
      << "an unknown path counts as one route, never as itself";
  EXPECT_EQ(promotion.find("/vouchers/no/such/route"), std::string::npos);

  const auto consumer = scrape(consumer_metrics_ports_.at(0));
  EXPECT_EQ(sample(consumer, R"(consumer_deliveries_total{outcome="granted"})"), 3) << consumer;
  EXPECT_EQ(sample(consumer, R"(consumer_deliveries_total{outcome="dead_lettered"})"), 0);
  EXPECT_EQ(sample(consumer, "consumer_batch_size_sum"), 3);
  EXPECT_EQ(sample(consumer, "consumer_broker_connected"), 1);

  for (const auto* text : {&users, &promotion, &consumer}) EXPECT_EQ(promtool_check(*text), 0) << *text;
}

TEST_F(Operations, ReadinessNamesTheFailedDependency) {
  start_promotion_api();
  start_consumer(1);
  const auto consumer_port = consumer_metrics_ports_.at(0);
  ASSERT_TRUE(eventually([&] { return status_of(consumer_port, "/readyz") == 200; }, std::chrono::seconds(10)));
  EXPECT_EQ(request(consumer_port, "GET", "/readyz").json().at("checks"),
            boost::json::parse(R"({"database":"ok","broker":"ok"})"));
  stack("stop-mq");
  const bool broker_named = eventually(
      [&] {
        const auto reply = request(consumer_port, "GET", "/readyz");
        return reply.status == 503 && reply.json().at("message") == "not ready: broker" &&
               reply.headers.contains("Retry-After");
      },
      std::chrono::seconds(20));
  stack("start-mq");
  EXPECT_TRUE(broker_named);
  EXPECT_EQ(request(promotion_port_, "GET", "/readyz").status, 200);
}

TEST_F(Operations, ADatabaseOutageAnswers503WithRetryAfterAndRecoversByItself) {
  start_users();
  start_promotion_api();
  const auto identifiers = seed_users("outage_user", 2);
  users_sql_->exec("UPDATE users SET is_admin = true WHERE username = $1", {identifiers[1]});
  const auto user_token = token_of(identifiers[0]);
  const auto admin_token = token_of(identifiers[1]);
  const std::map<std::string, std::string> as_user{{"Authorization", "Bearer " + user_token}};
  const std::map<std::string, std::string> as_admin{{"Authorization", "Bearer " + admin_token}};
  const auto campaign =
      body({{"name", "outage"}, {"discount_percent", 10}, {"number_of_vouchers", 1}, {"voucher_duration_days", 1}});
  const auto registration = body({{"username", "outage_new"},
                                  {"password", "correct horse battery"},
                                  {"full_name", "N"},
                                  {"birthday", "1990-01-01"}});
  struct Call {
    unsigned short port;
    std::string method, target, body;
    std::map<std::string, std::string> headers;
  };
  const std::vector<Call> calls{
      {users_port_,
       "POST",
       "/users/login",
       body({{"identifier", identifiers[0]}, {"password", "correct horse battery"}}),
       {}},
      {users_port_, "POST", "/users/register", registration, {}},
      {users_port_, "GET", "/users/me", "", as_user},
      {promotion_port_, "POST", "/campaigns", campaign, as_admin},
      {promotion_port_, "GET", "/campaigns", "", as_admin},
      {promotion_port_, "GET", "/vouchers", "", as_user},
      {promotion_port_, "POST", "/vouchers/00000000-0000-4000-8000-000000000000/redeem", "", as_user}};

  users_sql_.reset();
  promotion_sql_.reset();
  stack("stop-pg");
  for (const auto& call : calls) {
    const auto reply = request(call.port, call.method, call.target, call.body, call.headers);
    EXPECT_EQ(reply.status, 503) << call.method << " " << call.target << ": " << reply.body;
    EXPECT_EQ(reply.headers.contains("Retry-After") ? reply.headers.at("Retry-After") : "", "5") << call.target;
    EXPECT_EQ(reply.json().at("status"), "error");
    EXPECT_FALSE(reply.json().as_object().contains("token"));
  }
  const auto not_ready = request(users_port_, "GET", "/readyz");
  EXPECT_EQ(not_ready.status, 503);
  EXPECT_EQ(not_ready.json().at("message"), "not ready: database");
  EXPECT_GE(sample(scrape(users_port_), R"(dependency_unavailable_total{dependency="database"})"), 3);

  stack("start-pg");
  const auto started = std::chrono::steady_clock::now();
  const bool recovered = eventually(
      [&] {
        for (const auto& call : calls) {
          if (request(call.port, call.method, call.target, call.body, call.headers).status == 503) return false;
        }
        return true;
      },
      std::chrono::seconds(10));
  EXPECT_TRUE(recovered)
      << "still 503 after "
      << std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started).count() << " s";
}

TEST_F(Operations, TheJsonAccessLineHasSeparateFieldsAndKeepsAWellFormedRequestId) {
  auto env = environment(*users_db_);
  env["LOG_FORMAT"] = "json";
  users_port_ = free_port();
  users_ = std::make_unique<Process>(binary("services/users/users-service"),
                                     std::vector<std::string>{"serve", "--port", std::to_string(users_port_)}, env);
  wait_until_healthy(users_port_);
  const auto kept = request(users_port_, "GET", "/users/me?token=secret", "", {{"X-Request-Id", "trace-42.a_b"}});
  EXPECT_EQ(kept.headers.at("X-Request-Id"), "trace-42.a_b");
  const auto replaced = request(users_port_, "GET", "/healthz", "", {{"X-Request-Id", "bad id!"}});
  EXPECT_NE(replaced.headers.at("X-Request-Id"), "bad id!");

  boost::json::object line;
  EXPECT_TRUE(eventually(
      [&] {
        std::ifstream log{log_dir_ + "/users/web/info.log"};
        for (std::string text; std::getline(log, text);) {
          if (text.find("trace-42.a_b") != std::string::npos) line = boost::json::parse(text).as_object();
        }
        return !line.empty();
      },
      std::chrono::seconds(5)));
  EXPECT_EQ(line["message"], "request");
  EXPECT_EQ(line["method"], "GET");
  EXPECT_EQ(line["route"], "/users/me");
  EXPECT_EQ(line["path"], "/users/me") << "never the query, which may hold secrets";
  EXPECT_EQ(line["status"], 401);
  EXPECT_TRUE(line["latency_ms"].is_number());
  EXPECT_EQ(line["request_id"], "trace-42.a_b");
  EXPECT_EQ(line["remote"], "127.0.0.1");
  EXPECT_EQ(line["bytes"], kept.body.size());
  EXPECT_EQ(boost::json::serialize(line).find("secret"), std::string::npos);
}

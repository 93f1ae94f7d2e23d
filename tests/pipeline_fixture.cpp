#include "pipeline_fixture.hpp"

#include <boost/json/serialize.hpp>
#include <csignal>
#include <cstdlib>
#include <random>
#include <thread>

#include "amqp/connection.hpp"
#include "auth/password.hpp"
#include "events/topology.hpp"
#include "testing/stack.hpp"

using namespace testing_support;
using namespace std::chrono_literals;

namespace {

std::string random_uuid() {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  const auto a = random(), b = random();
  char text[37];
  std::snprintf(text, sizeof text, "%08x-%04x-4%03x-a%03x-%012llx", static_cast<unsigned>(a >> 32),
                static_cast<unsigned>(a & 0xffff), static_cast<unsigned>((a >> 16) & 0xfff),
                static_cast<unsigned>(b >> 52), static_cast<unsigned long long>(b & 0xffffffffffffULL));
  return text;
}

std::string key_path(const char* variable, const char* file) {
  const char* value = std::getenv(variable);
  return value ? value : std::string(PROJECT_SOURCE_DIR) + "/.run/keys/" + file;
}

void dump(const char* name, const std::unique_ptr<Process>& process) {
  if (process)
    std::cerr << "---- " << name << " output (tail):\n"
              << process->output().substr(process->output().size() > 6000 ? process->output().size() - 6000 : 0)
              << '\n';
}

}  // namespace

void Pipeline::SetUp() {
  if (pg_uri().empty() || mq_uri().empty()) GTEST_SKIP() << "TEST_PG_URI/TEST_MQ_URI not set: run `make test`";
  routing_key_ = unique_name("promotion_test");
  revocation_stream_ = unique_name("revocations_test");
  log_dir_ = "/tmp/" + unique_name("pipeline_logs");
  users_db_ = std::make_unique<TempDatabase>("users_test");
  promotion_db_ = std::make_unique<TempDatabase>("promotion_test");
  Process users_migrate{binary("services/users/users-service"), {"migrate"}, environment(*users_db_)};
  ASSERT_EQ(users_migrate.wait(), 0) << users_migrate.output();
  Process promotion_migrate{binary("services/promotion/promotion-service"), {"migrate"}, environment(*promotion_db_)};
  ASSERT_EQ(promotion_migrate.wait(), 0) << promotion_migrate.output();
  users_sql_.emplace(users_db_->uri());
  promotion_sql_.emplace(promotion_db_->uri());
  auto topology = events::promotion_topology(routing_key_, delivery_limit_);
  amqp::Connection broker{{.uri = mq_uri()}};
  broker.declare(topology.dead_letter_queue);
  broker.declare(topology.queue);
}

void Pipeline::TearDown() {
  if (HasFailure()) {
    dump("users-service", users_);
    for (const auto& consumer : consumers_) dump("consumer", consumer);
    dump("promotion api", promotion_api_);
  }
  users_.reset();
  consumers_.clear();
  promotion_api_.reset();
  users_sql_.reset();
  promotion_sql_.reset();
  users_db_.reset();
  promotion_db_.reset();
}

std::map<std::string, std::string> Pipeline::environment(const TempDatabase& database) const {
  return {{"DB_URI", database.uri()},
          {"MQ_URI", mq_uri()},
          {"MQ_PROMOTION_ROUTING_KEY", routing_key_},
          {"MQ_REVOCATIONS_STREAM", revocation_stream_},
          {"PRIVATE_KEY", key_path("PRIVATE_KEY", "private.pem")},
          {"PUBLIC_KEY", key_path("PUBLIC_KEY", "public.pem")},
          {"LOG_DIR", log_dir_},
          {"HOST", "127.0.0.1"},
          {"TRUSTED_PROXIES", "127.0.0.1/32"},
          {"OUTBOX_POLL_MS", "500"},
          {"MQ_DELIVERY_LIMIT", std::to_string(delivery_limit_)}};
}

void Pipeline::start_users(bool relay, const std::map<std::string, std::string>& extra) {
  auto env = environment(*users_db_);
  env["OUTBOX_RELAY"] = relay ? "on" : "off";
  for (const auto& [name, value] : extra) env[name] = value;
  users_port_ = free_port();
  users_ = std::make_unique<Process>(binary("services/users/users-service"),
                                     std::vector<std::string>{"serve", "--port", std::to_string(users_port_)}, env);
  wait_until_healthy(users_port_);
}

void Pipeline::stop_users() {
  users_->signal(SIGTERM);
  EXPECT_EQ(users_->wait(), 0) << users_->output();
}

void Pipeline::start_consumer(int tasks, int replicas) {
  for (int i = 0; i < replicas; ++i) {
    auto env = environment(*promotion_db_);
    consumer_metrics_ports_.push_back(free_port());
    env["METRICS_PORT"] = std::to_string(consumer_metrics_ports_.back());
    consumers_.push_back(
        std::make_unique<Process>(binary("services/promotion/promotion-service"),
                                  std::vector<std::string>{"consume", "--tasks", std::to_string(tasks)}, env));
  }
}

void Pipeline::kill_consumer() {
  for (auto& consumer : consumers_) {
    consumer->signal(SIGKILL);
    consumer->wait();
  }
  consumers_.clear();
  consumer_metrics_ports_.clear();
}

void Pipeline::start_promotion_api(const std::map<std::string, std::string>& extra) {
  auto env = environment(*promotion_db_);
  for (const auto& [name, value] : extra) env[name] = value;
  promotion_port_ = free_port();
  promotion_api_ =
      std::make_unique<Process>(binary("services/promotion/promotion-service"),
                                std::vector<std::string>{"serve", "--port", std::to_string(promotion_port_)}, env);
  wait_until_ready(promotion_port_);
}

std::vector<std::string> Pipeline::seed_users(const std::string& prefix, int count) {
  const auto hash = auth::hash_password("correct horse battery");
  std::vector<std::string> identifiers;
  std::string array = "{";
  for (int i = 0; i < count; ++i) {
    identifiers.push_back(prefix + std::to_string(i));
    array += (i ? "," : "") + identifiers.back();
  }
  users_sql_->exec(
      "WITH names AS (SELECT unnest($1::text[]) AS name),"
      " created AS (INSERT INTO users (username, password_hash, full_name, birthday)"
      "   SELECT name, $2, 'Seeded', '1990-01-01' FROM names RETURNING id, username)"
      " INSERT INTO user_identifiers (identifier, user_id, kind) SELECT username, id, 'username' FROM created",
      {array + "}", hash});
  return identifiers;
}

std::string Pipeline::create_campaign(int vouchers) {
  auto r = promotion_sql_->exec(
      "INSERT INTO campaigns (name, discount_percent, number_of_vouchers, remaining_vouchers, voucher_duration_days)"
      " VALUES ('first users', 30, $1, $1, 30) RETURNING id",
      {std::to_string(vouchers)});
  return std::string(r.get(0, 0));
}

std::vector<events::FirstLogin> Pipeline::make_events(int count) {
  std::vector<events::FirstLogin> batch;
  for (int i = 0; i < count; ++i)
    batch.push_back({.event_id = random_uuid(),
                     .user_id = random_uuid(),
                     .user_identifier = "user" + std::to_string(i),
                     .occurred_at = "2026-11-28T10:00:00.000000Z"});
  return batch;
}

void Pipeline::publish(const std::vector<events::FirstLogin>& batch) {
  std::vector<std::string> bodies;
  for (const auto& event : batch) bodies.push_back(events::encode(event));
  publish_raw(bodies);
}

void Pipeline::publish_raw(const std::vector<std::string>& bodies) {
  amqp::Connection broker{{.uri = mq_uri()}};
  broker.enable_confirms();
  std::vector<amqp::Message> messages;
  for (std::size_t i = 0; i < bodies.size(); ++i)
    messages.push_back({.body = bodies[i], .message_id = "m" + std::to_string(i), .type = "user.first_login"});
  for (std::size_t at = 0; at < messages.size(); at += 200) {
    std::span chunk{messages.data() + at, std::min<std::size_t>(200, messages.size() - at)};
    for (auto outcome : broker.publish(routing_key_, chunk)) ASSERT_EQ(outcome, amqp::Confirm::acked);
  }
}

int Pipeline::login_all(const std::vector<std::string>& identifiers, int threads) {
  std::atomic<std::size_t> next{0};
  std::atomic<int> ok{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&] {
      for (auto i = next++; i < identifiers.size(); i = next++) {
        auto body = boost::json::serialize(
            boost::json::object{{"identifier", identifiers[i]}, {"password", "correct horse battery"}});
        try {
          if (request(users_port_, "POST", "/users/login", body, another_client()).status == 200) ++ok;
        } catch (const std::exception&) {  // counted as not ok
        }
      }
    });
  for (auto& worker : workers) worker.join();
  return ok;
}

std::int64_t Pipeline::users_count(const std::string& sql) {
  return std::stoll(std::string(users_sql_->exec(sql).get(0, 0)));
}

std::int64_t Pipeline::promotion_count(const std::string& sql) {
  return std::stoll(std::string(promotion_sql_->exec(sql).get(0, 0)));
}

std::uint32_t Pipeline::dead_letters() {
  return amqp::Connection{{.uri = mq_uri()}}.message_count(routing_key_ + ".dead");
}

std::uint32_t Pipeline::queued() { return amqp::Connection{{.uri = mq_uri()}}.message_count(routing_key_); }

bool Pipeline::wait_processed(std::int64_t events, std::chrono::seconds timeout) {
  return eventually([&] { return promotion_count("SELECT count(*) FROM processed_events") >= events; }, timeout);
}

void Pipeline::check_invariants(std::int64_t events_sent) {
  const auto processed = promotion_count("SELECT count(*) FROM processed_events");
  const auto vouchers = promotion_count("SELECT count(*) FROM vouchers");
  const auto lost = events_sent - processed;
  const auto duplicated = vouchers - promotion_count("SELECT count(DISTINCT event_id) FROM vouchers");
  std::cout << "events sent " << events_sent << ", processed " << processed << ", vouchers " << vouchers << ", lost "
            << lost << ", duplicated " << duplicated << '\n';
  EXPECT_EQ(lost, 0);
  EXPECT_EQ(duplicated, 0);
  // Invariant 3: one voucher per event; one per user per campaign.
  EXPECT_EQ(promotion_count("SELECT count(*) FROM (SELECT campaign_id, user_id FROM vouchers"
                            " GROUP BY 1, 2 HAVING count(*) > 1) twice"),
            0);
  EXPECT_EQ(promotion_count("SELECT count(*) FROM processed_events WHERE outcome = 'granted'"), vouchers);
  // Invariant 4: remaining + issued = number, never negative.
  EXPECT_EQ(promotion_count("SELECT count(*) FROM campaigns c WHERE remaining_vouchers < 0 OR remaining_vouchers +"
                            " (SELECT count(*) FROM vouchers v WHERE v.campaign_id = c.id) <> number_of_vouchers"),
            0);
}

#pragma once
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "events/first_login.hpp"
#include "pg/blocking.hpp"
#include "testing/http_client.hpp"
#include "testing/process.hpp"
#include "testing/temp_database.hpp"

// Both services against the test stack: their own databases, a routing key of their own, and the
// processes (users-service serve, promotion-service consume/serve) started on demand.
class Pipeline : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // --- processes
  void start_users(bool relay = true, const std::map<std::string, std::string>& extra = {});
  void stop_users();
  void start_consumer(int tasks, int replicas = 1);  // `replicas` processes consuming the same queue
  void kill_consumer();                              // SIGKILL of every consumer process, as a crash
  void start_promotion_api(const std::map<std::string, std::string>& extra = {});

  // The environment of a process of the service that owns `database`.
  std::map<std::string, std::string> environment(const testing_support::TempDatabase& database) const;

  // --- data
  // Inserts `count` users named <prefix><i> sharing one password hash; returns their identifiers.
  std::vector<std::string> seed_users(const std::string& prefix, int count);
  std::string create_campaign(int vouchers);
  std::vector<events::FirstLogin> make_events(int count);
  void publish(const std::vector<events::FirstLogin>& batch);
  void publish_raw(const std::vector<std::string>& bodies);
  // Logs every identifier in, `threads` at a time; returns how many answered 200.
  int login_all(const std::vector<std::string>& identifiers, int threads = 8);

  // --- checks
  std::int64_t users_count(const std::string& sql);
  std::int64_t promotion_count(const std::string& sql);
  std::uint32_t dead_letters();
  std::uint32_t queued();  // ready (not yet delivered) messages on the promotion queue
  bool wait_processed(std::int64_t events, std::chrono::seconds timeout);
  // Invariants 3 and 4 over every campaign, as gtest failures; prints lost / duplicated counters.
  void check_invariants(std::int64_t events_sent);

  std::int64_t delivery_limit_ = 5;  // of the test's queue; a subclass may set it in its constructor
  std::string routing_key_;
  std::string revocation_stream_;
  std::unique_ptr<testing_support::TempDatabase> users_db_;
  std::unique_ptr<testing_support::TempDatabase> promotion_db_;
  std::optional<pg::BlockingConnection> users_sql_;
  std::optional<pg::BlockingConnection> promotion_sql_;
  unsigned short users_port_ = 0;
  unsigned short promotion_port_ = 0;
  std::unique_ptr<testing_support::Process> users_;
  std::vector<std::unique_ptr<testing_support::Process>> consumers_;
  std::vector<unsigned short> consumer_metrics_ports_;  // METRICS_PORT of each consumer, in order
  std::unique_ptr<testing_support::Process> promotion_api_;

  std::string log_dir_;  // LOG_DIR of every process
};

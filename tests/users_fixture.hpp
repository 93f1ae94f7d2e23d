#pragma once
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "pg/blocking.hpp"
#include "testing/http_client.hpp"
#include "testing/process.hpp"
#include "testing/temp_database.hpp"

// A migrated users database of its own, a routing key of its own, and `users-service serve` on a free port.
class UsersService : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  std::map<std::string, std::string> environment() const;
  // Starts (or restarts) the service; `extra` adds to or overrides environment().
  void start_service(const std::map<std::string, std::string>& extra = {});

  // POST /users/register with the given identifiers; asserts 201.
  void register_user(const std::string& username, const std::string& password = "correct horse battery");
  testing_support::Reply login(const std::string& identifier, const std::string& password = "correct horse battery");
  testing_support::Reply post(const std::string& target, const std::string& body);
  std::int64_t count(const std::string& sql);

  std::unique_ptr<testing_support::TempDatabase> database_;
  std::optional<pg::BlockingConnection> sql_;
  std::string routing_key_;
  std::string log_dir_;
  unsigned short port_ = 0;
  std::unique_ptr<testing_support::Process> service_;
};

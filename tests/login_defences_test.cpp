// The login defences of docs/security.md on the real users-service: Keycloak's brute-force cases
// (BruteForceTest) through HTTP, per-source throttling with and without a trusted proxy, one limit for two
// replicas, and the unlock command.
#include <boost/json/serialize.hpp>
#include <thread>

#include "testing/stack.hpp"
#include "users_fixture.hpp"

using namespace testing_support;

namespace {

const std::string right_password = "correct horse battery";

std::string credentials(const std::string& identifier, const std::string& password) {
  return boost::json::serialize(boost::json::object{{"identifier", identifier}, {"password", password}});
}

}  // namespace

class LoginDefences : public UsersService {
 protected:
  void SetUp() override {
    UsersService::SetUp();
    if (IsSkipped()) return;
    // alice has three identifiers; bob is someone else.
    ASSERT_EQ(post("/users/register", boost::json::serialize(boost::json::object{{"username", "alice"},
                                                                                 {"email", "Alice@Example.com"},
                                                                                 {"phone", "0912345678"},
                                                                                 {"password", right_password},
                                                                                 {"full_name", "Alice"},
                                                                                 {"birthday", "1990-01-01"}}))
                  .status,
              201);
    register_user("bob");
  }

  Reply attempt(const std::string& identifier, const std::string& password,
                const std::map<std::string, std::string>& headers = another_client()) {
    return request(port_, "POST", "/users/login", credentials(identifier, password), headers);
  }

  double metric(const std::string& series) {
    const auto text = request(port_, "GET", "/metrics").body;
    const auto at = text.find("\n" + series + " ");
    return at == std::string::npos ? -1 : std::stod(text.substr(at + series.size() + 2));
  }
};

TEST_F(LoginDefences, InvalidPasswordUntilLockedThenTheRightPasswordGetsTheWrongPasswordAnswer) {
  const auto wrong = attempt("alice", "wrong password 1");
  ASSERT_EQ(wrong.status, 401);
  for (int i = 2; i <= 5; ++i) EXPECT_EQ(attempt("alice", "wrong password 1").status, 401);
  const auto locked = attempt("alice", right_password);
  EXPECT_EQ(locked.status, wrong.status);
  EXPECT_EQ(locked.body, wrong.body) << "a lock reveals neither itself nor the account";
  EXPECT_EQ(locked.headers.at("Content-Type"), wrong.headers.at("Content-Type"));
  EXPECT_EQ(count("SELECT count(*) FROM login_failures WHERE locked_until > now()"), 1);
  EXPECT_EQ(metric("account_locks_total"), 1);
  EXPECT_EQ(metric("account_locked_attempts_total"), 1);
  EXPECT_EQ(attempt("bob", right_password).status, 200) << "another account is unaffected";
}

TEST_F(LoginDefences, FailuresCountOnTheAccountWhateverIdentifierOrLetterCaseWasTyped) {
  for (const auto* identifier : {"ALICE", "alice@example.com", "0912345678", "Alice@EXAMPLE.com", "aLiCe"}) {
    EXPECT_EQ(attempt(identifier, "wrong password").status, 401);
  }
  EXPECT_EQ(attempt("alice@example.com", right_password).status, 401);
  EXPECT_EQ(count("SELECT failures FROM login_failures"), 6) << "one row: the account's";
}

TEST_F(LoginDefences, ASuccessfulLoginResetsTheCount) {
  for (int i = 0; i < 4; ++i) attempt("alice", "wrong password");
  EXPECT_EQ(attempt("alice", right_password).status, 200);
  for (int i = 0; i < 4; ++i) attempt("alice", "wrong password");
  EXPECT_EQ(attempt("alice", right_password).status, 200) << "4 + 4 failures, never 5 in a row";
  EXPECT_EQ(count("SELECT count(*) FROM login_failures"), 0);
}

TEST_F(LoginDefences, UnknownIdentifiersLockNobodyAndStoreNothing) {
  for (int i = 0; i < 20; ++i) EXPECT_EQ(attempt("nobody" + std::to_string(i % 3), "wrong password").status, 401);
  EXPECT_EQ(count("SELECT count(*) FROM login_failures"), 0);
  EXPECT_EQ(attempt("alice", right_password).status, 200);
}

TEST_F(LoginDefences, TheUnlockCommandClearsALock) {
  for (int i = 0; i < 6; ++i) attempt("alice", "wrong password");
  ASSERT_EQ(attempt("alice", right_password).status, 401);
  Process unlock{
      binary("services/users/users-service"), {"unlock", "--identifier", "ALICE@example.com"}, environment()};
  EXPECT_EQ(unlock.wait(), 0) << unlock.output();
  EXPECT_EQ(attempt("alice", right_password).status, 200);
  Process unknown{binary("services/users/users-service"), {"unlock", "--identifier", "nobody"}, environment()};
  EXPECT_EQ(unknown.wait(), 1);
}

TEST_F(LoginDefences, RacingAttemptsCannotAllPassTheLimit) {
  std::vector<std::thread> threads;
  for (int i = 0; i < 20; ++i) threads.emplace_back([&] { attempt("alice", "wrong password"); });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(count("SELECT failures FROM login_failures"), 20);
  EXPECT_EQ(metric("account_locked_attempts_total"), 15)
      << "each attempt is counted before its password is checked: all but the first 5 meet the lock";
}

TEST_F(LoginDefences, OneSourcePastItsBucketGets429WithRetryAfterAndOthersAreUnaffected) {
  start_service({{"LOGIN_BURST", "3"}, {"LOGIN_RATE", "1"}, {"LOGIN_RATE_WINDOW_SECONDS", "60"}});
  const std::map<std::string, std::string> source{{"X-Forwarded-For", "198.51.100.7"}};
  for (int i = 0; i < 3; ++i) EXPECT_EQ(attempt("bob", right_password, source).status, 200);
  const auto throttled = attempt("bob", right_password, source);
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.json().at("status"), "error");
  const int retry_after = std::stoi(throttled.headers.at("Retry-After"));
  EXPECT_GE(retry_after, 55);
  EXPECT_LE(retry_after, 60);
  EXPECT_EQ(attempt("bob", right_password, {{"X-Forwarded-For", "198.51.100.8"}}).status, 200);
  EXPECT_EQ(attempt("bob", right_password, {{"X-Forwarded-For", "6.6.6.6, 198.51.100.7"}}).status, 429)
      << "the right-most untrusted entry is the client, whatever it wrote on the left";
  EXPECT_EQ(metric(R"(source_throttled_total{action="login"})"), 2);
}

TEST_F(LoginDefences, AnUntrustedPeersForwardedForIsIgnored) {
  start_service({{"LOGIN_BURST", "2"}, {"TRUSTED_PROXIES", ""}});
  EXPECT_EQ(attempt("bob", right_password, {{"X-Forwarded-For", "198.51.100.1"}}).status, 200);
  EXPECT_EQ(attempt("bob", right_password, {{"X-Forwarded-For", "198.51.100.2"}}).status, 200);
  EXPECT_EQ(attempt("bob", right_password, {{"X-Forwarded-For", "198.51.100.3"}}).status, 429)
      << "all three came from 127.0.0.1";
}

TEST_F(LoginDefences, RegistrationIsThrottledPerSourceBeforeHashing) {
  start_service({{"REGISTER_BURST", "2"}});
  const std::map<std::string, std::string> source{{"X-Forwarded-For", "198.51.100.20"}};
  int created = 0;
  int throttled = 0;
  for (int i = 0; i < 4; ++i) {
    const auto reply = request(port_, "POST", "/users/register",
                               boost::json::serialize(boost::json::object{{"username", "reg" + std::to_string(i)},
                                                                          {"password", right_password},
                                                                          {"full_name", "R"},
                                                                          {"birthday", "1990-01-01"}}),
                               source);
    created += reply.status == 201;
    throttled += reply.status == 429 && reply.headers.contains("Retry-After");
  }
  EXPECT_EQ(created, 2);
  EXPECT_EQ(throttled, 2);
}

TEST_F(LoginDefences, TwoReplicasOnOneDatabaseEnforceOneAccountLimitAndOneSourceLimit) {
  start_service({{"LOGIN_BURST", "6"}});
  const auto first_port = port_;
  auto first = std::move(service_);
  start_service({{"LOGIN_BURST", "6"}});
  const auto second_port = port_;
  const std::map<std::string, std::string> source{{"X-Forwarded-For", "198.51.100.30"}};
  std::vector<int> statuses;
  for (int i = 0; i < 8; ++i) {
    statuses.push_back(request(i % 2 ? first_port : second_port, "POST", "/users/login",
                               credentials("alice", "wrong password"), source)
                           .status);
  }
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 401), 6);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 429), 2) << "one bucket for both replicas";
  EXPECT_EQ(count("SELECT failures FROM login_failures"), 6) << "one count for both replicas";
  EXPECT_EQ(request(first_port, "POST", "/users/login", credentials("alice", right_password), another_client()).status,
            401)
      << "locked on both";
  first.reset();
}

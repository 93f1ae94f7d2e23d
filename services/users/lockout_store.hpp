#pragma once
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <string>

namespace pg {
class Pool;
}

namespace users {

// Keycloak's brute-force semantics (docs/security.md): after `max_failures` consecutive failures the
// account is locked for `lock`, doubling with each further failure up to `max_lock`; failures older
// than `reset` are forgotten.
struct LockoutRules {
  int max_failures = 5;
  std::chrono::seconds lock{60};
  std::chrono::seconds max_lock{900};
  std::chrono::seconds reset{43200};
};

// Failed logins per account (table login_failures), shared by every replica. Only existing accounts
// get a row, so random identifiers cost no storage.
class LockoutStore {
 public:
  LockoutStore(pg::Pool& pool, LockoutRules rules) : pool_(pool), rules_(rules) {}

  struct Attempt {
    bool refused = false;  // the account was locked: answer as for a wrong password
    int failures = 0;      // counting this attempt
  };
  // Counts the attempt as a failure before the password is checked (one statement, so racing attempts
  // cannot all pass the limit); succeeded() clears it.
  boost::asio::awaitable<Attempt> attempt(std::string user_id, std::chrono::system_clock::time_point now);
  // An attempt counted whose password was never checked (the hashing pool was full).
  boost::asio::awaitable<void> forgive(std::string user_id);
  boost::asio::awaitable<void> succeeded(std::string user_id);
  // Clears the lock and failures of the account `identifier` names; false when no account has it.
  boost::asio::awaitable<bool> unlock(std::string identifier);
  // Forgets failures older than the reset time that hold no lock.
  boost::asio::awaitable<void> prune(std::chrono::system_clock::time_point now);

  const LockoutRules& rules() const { return rules_; }

 private:
  pg::Pool& pool_;
  LockoutRules rules_;
};

}  // namespace users

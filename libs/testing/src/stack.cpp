#include "testing/stack.hpp"

#include <cstdlib>
#include <random>
#include <stdexcept>
#include <thread>

namespace testing_support {

std::string pg_uri() {
  const char* value = std::getenv("TEST_PG_URI");
  return value ? value : "";
}

std::string mq_uri() {
  const char* value = std::getenv("TEST_MQ_URI");
  return value ? value : "";
}

void stack(const std::string& command) {
  const char* profile = std::getenv("STACK_PROFILE");
  const std::string line = std::string(PROJECT_SOURCE_DIR) + "/scripts/stack.sh " + command + " " +
                           (profile ? profile : "test") + " >/dev/null";
  if (std::system(line.c_str()) != 0) throw std::runtime_error("stack command failed: " + command);
}

std::string unique_name(const std::string& prefix) {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  return prefix + "_" + std::to_string(random() % 1000000000000ULL);
}

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return condition();
}

}  // namespace testing_support

#pragma once
#include <chrono>
#include <functional>
#include <string>

namespace testing_support {

// The test stack's URIs (set by `make test` from `scripts/stack.sh env test`); empty when absent.
std::string pg_uri();
std::string mq_uri();

// Runs `scripts/stack.sh <command> <$STACK_PROFILE or test>` (e.g. "stop-mq", "restart-pg"); throws on failure.
void stack(const std::string& command);

// A name no other test run uses: prefix + random suffix, [a-z0-9_] only.
std::string unique_name(const std::string& prefix);

// Polls `condition` every 50 ms until it is true or `timeout` passes; returns its last value.
bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout);

}  // namespace testing_support

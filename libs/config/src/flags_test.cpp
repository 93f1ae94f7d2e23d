#include "config/flags.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace {
const std::map<std::string, std::string> names{{"--port", "PORT"}, {"--workers", "WORKERS"}};
}

TEST(Flags, FlagsOverrideEnvironment) {
  config::Env env{{{"PORT", "1"}}};
  std::vector<std::string> words{"--port", "5000", "--workers", "4"};
  std::vector<char*> args;
  for (auto& w : words) args.push_back(w.data());
  config::apply_flags(env, args, names);
  EXPECT_EQ(env.string("PORT"), "5000");
  EXPECT_EQ(env.string("WORKERS"), "4");
}

TEST(Flags, UnknownFlagAndMissingValueAreErrors) {
  config::Env env{{}};
  std::string unknown = "--colour", port = "--port";
  std::vector<char*> a{unknown.data()};
  std::vector<char*> b{port.data()};
  EXPECT_THROW(config::apply_flags(env, a, names), config::Error);
  EXPECT_THROW(config::apply_flags(env, b, names), config::Error);
}

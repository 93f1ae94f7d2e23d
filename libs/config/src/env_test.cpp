#include "config/env.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

namespace {

std::string variable_of(auto&& call) {
  try {
    call();
  } catch (const config::Error& e) {
    return e.variable();
  }
  return "no error";
}

}  // namespace

TEST(Env, RequiredMissingNamesTheVariable) {
  config::Env env{{}};
  EXPECT_EQ(variable_of([&] { env.string("DB_URI"); }), "DB_URI");
  config::Env empty{{{"DB_URI", ""}}};
  EXPECT_EQ(variable_of([&] { empty.string("DB_URI"); }), "DB_URI");
}

TEST(Env, IntegerParsesAndChecksBounds) {
  config::Env env{{{"PORT", "5000"}, {"BAD", "50x"}, {"BIG", "70000"}}};
  EXPECT_EQ(env.integer("PORT", 1, 1, 65535), 5000);
  EXPECT_EQ(env.integer("ABSENT", 7, 1, 65535), 7);
  EXPECT_EQ(variable_of([&] { env.integer("BAD", 1, 1, 65535); }), "BAD");
  EXPECT_EQ(variable_of([&] { env.integer("BIG", 1, 1, 65535); }), "BIG");
  EXPECT_EQ(env.integer("BIG", 1, 1, 70000), 70000);
}

TEST(Env, ChoiceAcceptsOnlyListedValues) {
  config::Env env{{{"LOG_FORMAT", "xml"}}};
  EXPECT_EQ(variable_of([&] { env.choice("LOG_FORMAT", "text", {"text", "json"}); }), "LOG_FORMAT");
  EXPECT_EQ(env.choice("LOG_LEVEL", "info", {"info", "debug"}), "info");
}

TEST(Env, EnvironmentWinsOverDotenvFile) {
  auto path = std::filesystem::temp_directory_path() / "config_env_test.env";
  std::ofstream{path} << "CONFIG_TEST_A=file\nCONFIG_TEST_B=file\n";
  ::setenv("CONFIG_TEST_A", "environment", 1);
  auto env = config::Env::load(path);
  EXPECT_EQ(env.string("CONFIG_TEST_A"), "environment");
  EXPECT_EQ(env.string("CONFIG_TEST_B"), "file");
  ::unsetenv("CONFIG_TEST_A");
  std::filesystem::remove(path);
}

TEST(ReadSetting, NamesTheVariableWhenReadingItFails) {
  EXPECT_EQ(config::read_setting("KEY", [] { return 7; }), 7);
  try {
    config::read_setting("PRIVATE_KEY", []() -> int { throw std::runtime_error("not a PEM key"); });
    ADD_FAILURE() << "no error";
  } catch (const config::Error& error) {
    EXPECT_EQ(error.variable(), "PRIVATE_KEY");
    EXPECT_STREQ(error.what(), "PRIVATE_KEY: not a PEM key");
  }
}

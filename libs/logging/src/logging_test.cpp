#include "logging/logging.hpp"

#include "logging/fields.hpp"

#include <gtest/gtest.h>

#include <array>
#include <fstream>
#include <sstream>

namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream file{path};
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

std::filesystem::path fresh_dir() {
  auto dir = std::filesystem::temp_directory_path() / "logging_test";
  std::filesystem::remove_all(dir);
  return dir;
}

}  // namespace

TEST(Logging, InfoAndErrorFilesPerCategory) {
  auto dir = fresh_dir();
  logging::init({.app = "users", .dir = dir});
  logging::get(logging::Category::web)->info("hello web");
  logging::get(logging::Category::web)->error("broken web");
  logging::get(logging::Category::migration)->debug("too quiet");
  logging::flush_all();

  auto info = read(dir / "users/web/info.log");
  auto error = read(dir / "users/web/error.log");
  EXPECT_NE(info.find("hello web"), std::string::npos);
  EXPECT_NE(info.find("broken web"), std::string::npos);
  EXPECT_EQ(error.find("hello web"), std::string::npos);
  EXPECT_NE(error.find("broken web"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(dir / "users/message_queue/info.log"));
  EXPECT_EQ(read(dir / "users/migration/info.log").find("too quiet"), std::string::npos);
}

TEST(Logging, JsonFormatEscapesTheMessage) {
  auto dir = fresh_dir();
  logging::init({.app = "promotion", .dir = dir, .json = true});
  logging::get(logging::Category::message_queue)->info("quote \" slash \\ newline \n end");
  logging::flush_all();
  auto line = read(dir / "promotion/message_queue/info.log");
  EXPECT_NE(line.find(R"("logger":"message_queue")"), std::string::npos);
  EXPECT_NE(line.find(R"("message":"quote \" slash \\ newline \n end")"), std::string::npos);
  EXPECT_EQ(line.find('\n'), line.size() - 1);
}

TEST(Logging, FieldsAreJsonMembersOrKeyValuePairs) {
  const std::array<logging::Field, 3> fields{
      {{"route", std::string_view{"/a/{id}"}}, {"status", std::int64_t{200}}, {"latency_ms", 1.5}}};
  auto dir = fresh_dir();
  logging::init({.app = "json", .dir = dir, .json = true});
  logging::log_with_fields(*logging::get(logging::Category::web), spdlog::level::info, "access \"x\"", fields);
  logging::get(logging::Category::web)->info("plain");
  logging::flush_all();
  const auto json = read(dir / "json/web/info.log");
  EXPECT_NE(json.find(R"("message":"access \"x\"","route":"/a/{id}","status":200,"latency_ms":1.5})"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find(R"("message":"plain"})"), std::string::npos) << "fields do not leak into the next line";

  logging::init({.app = "text", .dir = dir});
  logging::log_with_fields(*logging::get(logging::Category::web), spdlog::level::info, "access", fields);
  logging::flush_all();
  EXPECT_NE(read(dir / "text/web/info.log").find("access route=/a/{id} status=200 latency_ms=1.5"), std::string::npos);
}

TEST(Logging, JsonLinesStayValidUtf8) {
  auto dir = fresh_dir();
  logging::init({.app = "utf8", .dir = dir, .json = true});
  logging::get(logging::Category::web)->info("caf\xC3\xA9 \xF0\x9F\x92\xB3 raw \xFF\xC3 end \xED\xA0\x80");
  logging::flush_all();
  const std::string expected =
      "\"message\":\"caf\xC3\xA9 \xF0\x9F\x92\xB3 raw \\ufffd\\ufffd end \\ufffd\\ufffd\\ufffd\"";
  EXPECT_NE(read(dir / "utf8/web/info.log").find(expected), std::string::npos)
      << "well-formed UTF-8 is kept; each other byte becomes \\ufffd (a surrogate's encoding too)";
}

TEST(Logging, ParseLevel) {
  EXPECT_EQ(logging::parse_level("debug"), spdlog::level::debug);
  EXPECT_EQ(logging::parse_level("off"), spdlog::level::off);
  EXPECT_THROW(logging::parse_level("loud"), std::invalid_argument);
}

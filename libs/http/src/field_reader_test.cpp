#include "http/field_reader.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace http {
namespace {

std::vector<std::string> fields_of(std::vector<FieldError> errors) {
  std::vector<std::string> fields;
  for (const auto& error : errors) fields.push_back(error.field + ": " + error.message);
  return fields;
}

TEST(FieldReader, ReadsEachTypeAndNamesEveryBadField) {
  const auto body =
      boost::json::parse(R"({"name":"x","n":7,"flag":true,"wrong":5,"big":1000,"frac":1.5,"nothing":null,"extra":[]})")
          .as_object();
  FieldReader reader{body};
  EXPECT_EQ(reader.text("name", Presence::required), "x");
  EXPECT_EQ(reader.integer("n", Presence::required, 1, 10), 7);
  EXPECT_EQ(reader.boolean("flag", Presence::required), true);
  EXPECT_EQ(reader.text("nothing", Presence::optional), std::nullopt);
  EXPECT_FALSE(reader.failed()) << "an absent optional field is no error";
  EXPECT_EQ(reader.text("wrong", Presence::optional), std::nullopt);
  EXPECT_EQ(reader.integer("big", Presence::required, 1, 10), std::nullopt);
  EXPECT_EQ(reader.integer("frac", Presence::required, 1, 10), std::nullopt);
  EXPECT_EQ(reader.boolean("nothing", Presence::required), std::nullopt);
  EXPECT_EQ(reader.text("name", Presence::required, [](const std::string&) { return std::string("too short"); }),
            std::nullopt);
  EXPECT_EQ(fields_of(std::move(reader).errors()),
            (std::vector<std::string>{"wrong: must be a string", "big: must be between 1 and 10",
                                      "frac: must be an integer", "nothing: is required", "name: too short"}));
}

TEST(FieldReader, CountsCodePointsNotBytes) { EXPECT_EQ(code_points("h\xC3\xA9llo"), 5U); }

}  // namespace
}  // namespace http

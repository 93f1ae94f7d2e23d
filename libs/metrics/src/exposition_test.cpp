#include "exposition.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace metrics {
namespace {

TEST(FormatNumber, IntegersWithoutExponentOrDecimals) {
  EXPECT_EQ(format_number(0), "0");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(42), "42");
  EXPECT_EQ(format_number(-3), "-3");
  EXPECT_EQ(format_number(1e6), "1000000");
  EXPECT_EQ(format_number(9007199254740993.0), "9007199254740992");
}

TEST(FormatNumber, FractionsShortestRoundTrip) {
  EXPECT_EQ(format_number(0.25), "0.25");
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(0.0005), "0.0005");
  EXPECT_EQ(format_number(2.5), "2.5");
  EXPECT_EQ(format_number(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(format_number(1e-7), "1e-07");
  EXPECT_EQ(format_number(1e20), "1e+20");
  EXPECT_EQ(format_number(-1e300), "-1e+300");
  EXPECT_EQ(format_number(-1.5e-300), "-1.5e-300");
  EXPECT_EQ(format_number(123456789.5), "123456789.5");
}

TEST(FormatNumber, SpecialValues) {
  EXPECT_EQ(format_number(std::numeric_limits<double>::infinity()), "+Inf");
  EXPECT_EQ(format_number(-std::numeric_limits<double>::infinity()), "-Inf");
  EXPECT_EQ(format_number(std::nan("")), "NaN");
}

TEST(FormatLabels, EscapesBackslashQuoteNewline) {
  EXPECT_EQ(format_labels({}, {}), "");
  EXPECT_EQ(format_labels({"a", "b"}, {"x", "y"}), R"(a="x",b="y")");
  EXPECT_EQ(format_labels({"path"}, {"C:\\dir \"q\"\nend"}), R"(path="C:\\dir \"q\"\nend")");
}

TEST(AppendHeader, EscapesHelpBackslashAndNewlineButNotQuotes) {
  std::string out;
  append_header(out, "x", "a \\ b \"c\"\nd", "gauge");
  EXPECT_EQ(out, "# HELP x a \\\\ b \"c\"\\nd\n# TYPE x gauge\n");
}

}  // namespace
}  // namespace metrics

#include "config/dotenv.hpp"

#include <gtest/gtest.h>

#include "config/error.hpp"

TEST(Dotenv, ParsesCommentsQuotesAndExport) {
  auto values = config::parse_dotenv(
      "# a comment\n\nA=1\nexport B = two words \nC=\"quoted # not a comment\"\nD='x'\nE=v # note\nF=\n");
  EXPECT_EQ(values.at("A"), "1");
  EXPECT_EQ(values.at("B"), "two words");
  EXPECT_EQ(values.at("C"), "quoted # not a comment");
  EXPECT_EQ(values.at("D"), "x");
  EXPECT_EQ(values.at("E"), "v");
  EXPECT_EQ(values.at("F"), "");
}

TEST(Dotenv, RejectsALineWithoutEqualsNamingTheLine) {
  try {
    config::parse_dotenv("A=1\nGARBAGE\n");
    FAIL() << "expected an error";
  } catch (const config::Error& e) {
    EXPECT_EQ(e.variable(), ".env line 2");
  }
}

TEST(Dotenv, RejectsBadNamesAndUnterminatedQuotes) {
  EXPECT_THROW(config::parse_dotenv("1A=x"), config::Error);
  EXPECT_THROW(config::parse_dotenv("A-B=x"), config::Error);
  EXPECT_THROW(config::parse_dotenv("A=\"x"), config::Error);
}

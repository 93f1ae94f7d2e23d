#include "validation.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace {

using namespace std::chrono;
constexpr year_month_day today{year{2026}, month{11}, day{28}};

boost::json::object valid_body() {
  return {{"username", "alice_01"},      {"email", "Alice@Example.com"}, {"phone", "0912345678"},
          {"password", "correct horse"}, {"full_name", "Alice"},         {"birthday", "1990-02-28"}};
}

// The fields that failed, in order; empty when the body is valid.
std::vector<std::string> failures(const boost::json::object& body) {
  auto result = users::validate_registration(body, today);
  std::vector<std::string> fields;
  if (!result)
    for (const auto& e : result.error()) fields.push_back(e.field);
  return fields;
}

std::vector<std::string> with(const char* field, boost::json::value value) {
  auto body = valid_body();
  body[field] = std::move(value);
  return failures(body);
}

// A std::string as a JSON string value.
boost::json::value js(const std::string& text) { return boost::json::string(text); }

using Fields = std::vector<std::string>;

}  // namespace

TEST(Validation, ValidBodyPassesAndUnknownFieldsAreIgnored) {
  auto body = valid_body();
  body["is_admin"] = true;
  body["role"] = "admin";
  EXPECT_EQ(failures(body), Fields{});
}

TEST(Validation, AtLeastOneIdentifier) {
  auto body = valid_body();
  body.erase("username");
  body.erase("email");
  body["phone"] = nullptr;
  EXPECT_EQ(failures(body), Fields{"identifier"});
  body["email"] = "a@b.co";
  EXPECT_EQ(failures(body), Fields{});
}

TEST(Validation, UsernameLengthAndCharacters) {
  EXPECT_EQ(with("username", "ab"), Fields{"username"});
  EXPECT_EQ(with("username", "abc"), Fields{});
  EXPECT_EQ(with("username", js(std::string(32, 'a'))), Fields{});
  EXPECT_EQ(with("username", js(std::string(33, 'a'))), Fields{"username"});
  EXPECT_EQ(with("username", "a.b-c_D9"), Fields{});
  EXPECT_EQ(with("username", "al ice"), Fields{"username"});
  EXPECT_EQ(with("username", "al@ice"), Fields{"username"});
  EXPECT_EQ(with("username", 42), Fields{"username"});
}

TEST(Validation, EmailPlausibility) {
  EXPECT_EQ(with("email", "a@b.co"), Fields{});
  EXPECT_EQ(with("email", "first.last+tag@sub.example.org"), Fields{});
  EXPECT_EQ(with("email", "no-at-sign"), Fields{"email"});
  EXPECT_EQ(with("email", "two@@example.com"), Fields{"email"});
  EXPECT_EQ(with("email", "a@localhost"), Fields{"email"});
  EXPECT_EQ(with("email", "a b@example.com"), Fields{"email"});
  EXPECT_EQ(with("email", "a@-example.com"), Fields{"email"});
  EXPECT_EQ(with("email", "a@example.com."), Fields{"email"});
  EXPECT_EQ(with("email", "@example.com"), Fields{"email"});
  EXPECT_EQ(with("email", js(std::string(64, 'a') + "@example.com")), Fields{});
  EXPECT_EQ(with("email", js(std::string(65, 'a') + "@example.com")), Fields{"email"});
}

TEST(Validation, PhoneLocalAndE164) {
  EXPECT_EQ(with("phone", "012345678"), Fields{"phone"});     // 0 + 8 digits
  EXPECT_EQ(with("phone", "0123456789"), Fields{});           // 0 + 9
  EXPECT_EQ(with("phone", "01234567890"), Fields{});          // 0 + 10
  EXPECT_EQ(with("phone", "012345678901"), Fields{"phone"});  // 0 + 11
  EXPECT_EQ(with("phone", "+1234567"), Fields{"phone"});      // 7 digits
  EXPECT_EQ(with("phone", "+12345678"), Fields{});            // 8 digits
  EXPECT_EQ(with("phone", "+123456789012345"), Fields{});     // 15 digits
  EXPECT_EQ(with("phone", "+1234567890123456"), Fields{"phone"});
  EXPECT_EQ(with("phone", "+0234567890"), Fields{"phone"});
  EXPECT_EQ(with("phone", "09123x5678"), Fields{"phone"});
}

TEST(Validation, PasswordLengthInCharactersNotBytes) {
  EXPECT_EQ(with("password", js(std::string(11, 'p'))), Fields{"password"});
  EXPECT_EQ(with("password", js(std::string(12, 'p'))), Fields{});
  EXPECT_EQ(with("password", js(std::string(128, 'p'))), Fields{});
  EXPECT_EQ(with("password", js(std::string(129, 'p'))), Fields{"password"});
  std::string twelve_accents;
  for (int i = 0; i < 12; ++i) twelve_accents += "\xC3\xA9";  // é: 2 bytes, 1 character
  EXPECT_EQ(with("password", js(twelve_accents)), Fields{});
  EXPECT_EQ(with("password", js(twelve_accents.substr(0, 22))), Fields{"password"});
  auto body = valid_body();
  body.erase("password");
  EXPECT_EQ(failures(body), Fields{"password"});
}

TEST(Validation, FullNameLength) {
  EXPECT_EQ(with("full_name", ""), Fields{"full_name"});
  EXPECT_EQ(with("full_name", "   "), Fields{"full_name"});
  EXPECT_EQ(with("full_name", "A"), Fields{});
  EXPECT_EQ(with("full_name", js(std::string(100, 'n'))), Fields{});
  EXPECT_EQ(with("full_name", js(std::string(101, 'n'))), Fields{"full_name"});
}

TEST(Validation, BirthdayRealPastDate) {
  EXPECT_EQ(with("birthday", "2026-11-27"), Fields{});
  EXPECT_EQ(with("birthday", "2026-11-28"), Fields{"birthday"});
  EXPECT_EQ(with("birthday", "2030-01-01"), Fields{"birthday"});
  EXPECT_EQ(with("birthday", "2023-02-29"), Fields{"birthday"});
  EXPECT_EQ(with("birthday", "2024-02-29"), Fields{});
  EXPECT_EQ(with("birthday", "1990-13-01"), Fields{"birthday"});
  EXPECT_EQ(with("birthday", "28/11/1990"), Fields{"birthday"});
  EXPECT_EQ(with("birthday", "1899-12-31"), Fields{"birthday"});
  EXPECT_EQ(with("birthday", "1900-01-01"), Fields{});
}

TEST(Validation, ReportsEveryFailingField) {
  boost::json::object body{{"username", "x"}, {"password", "short"}};
  EXPECT_EQ(failures(body), (Fields{"username", "password", "full_name", "birthday"}));
}

TEST(Validation, NormalizeIdentifierLowersCase) {
  EXPECT_EQ(users::normalize_identifier("Alice@Example.COM"), "alice@example.com");
  EXPECT_EQ(users::normalize_identifier("+84912345678"), "+84912345678");
}

#include "campaign_validation.hpp"

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

using promotion::NewCampaign;
using promotion::normalize_timestamp;
using promotion::validate_availability;
using promotion::validate_campaign;

namespace {

boost::json::object valid_body() {
  return {{"name", "First 100 logins"},
          {"description", "30% off"},
          {"discount_percent", 30},
          {"number_of_vouchers", 100},
          {"voucher_duration_days", 30}};
}

// The field names of the errors, or {} when the body is valid.
std::vector<std::string> error_fields(const boost::json::object& body) {
  auto result = validate_campaign(body);
  std::vector<std::string> fields;
  if (!result)
    for (const auto& e : result.error()) fields.push_back(e.field);
  return fields;
}

// The body with `field` set to `value` (a boost::json::value or anything it is assignable from, e.g. std::string).
template <class Value>
std::vector<std::string> with(const char* field, const Value& value) {
  auto body = valid_body();
  body[field] = value;
  return error_fields(body);
}

std::vector<std::string> without(const char* field) {
  auto body = valid_body();
  body.erase(field);
  return error_fields(body);
}

using Fields = std::vector<std::string>;

}  // namespace

TEST(ValidateCampaign, AcceptsAValidBodyAndKeepsItsValues) {
  auto result = validate_campaign(valid_body());
  ASSERT_TRUE(result.has_value());
  const auto& campaign = *result;
  EXPECT_EQ(campaign.name, "First 100 logins");
  EXPECT_EQ(campaign.description, "30% off");
  EXPECT_EQ(campaign.discount_percent, 30);
  EXPECT_EQ(campaign.number_of_vouchers, 100);
  EXPECT_EQ(campaign.voucher_duration_days, 30);
  EXPECT_FALSE(campaign.starts_at);
  EXPECT_FALSE(campaign.ends_at);
}

TEST(ValidateCampaign, ReportsEveryBadFieldAtOnce) {
  auto fields = error_fields({{"discount_percent", 0}, {"number_of_vouchers", "10"}});
  std::sort(fields.begin(), fields.end());
  EXPECT_EQ(fields, (Fields{"discount_percent", "name", "number_of_vouchers", "voucher_duration_days"}));
}

TEST(ValidateCampaign, NameIsRequiredWithOneTo200Characters) {
  EXPECT_EQ(without("name"), Fields{"name"});
  EXPECT_EQ(with("name", nullptr), Fields{"name"});
  EXPECT_EQ(with("name", ""), Fields{"name"});
  EXPECT_EQ(with("name", "   "), Fields{"name"});
  EXPECT_EQ(with("name", 42), Fields{"name"});
  EXPECT_EQ(with("name", "x"), Fields{});
  EXPECT_EQ(with("name", std::string(200, 'x')), Fields{});
  EXPECT_EQ(with("name", std::string(201, 'x')), Fields{"name"});
  // Characters, not bytes: 200 two-byte characters are fine.
  std::string accented;
  for (int i = 0; i < 200; ++i) accented += "\xC3\xA9";
  EXPECT_EQ(with("name", accented), Fields{});
  EXPECT_EQ(with("name", accented + "\xC3\xA9"), Fields{"name"});
}

TEST(ValidateCampaign, DescriptionIsAnOptionalStringOfAtMost2000Characters) {
  EXPECT_EQ(without("description"), Fields{});
  EXPECT_EQ(with("description", nullptr), Fields{});
  EXPECT_EQ(with("description", ""), Fields{});
  EXPECT_EQ(with("description", std::string(2000, 'd')), Fields{});
  EXPECT_EQ(with("description", std::string(2001, 'd')), Fields{"description"});
  EXPECT_EQ(with("description", true), Fields{"description"});
  auto body = valid_body();
  body["description"] = nullptr;
  EXPECT_FALSE(validate_campaign(body)->description);
}

TEST(ValidateCampaign, DiscountPercentIsAnIntegerFrom1To100) {
  EXPECT_EQ(without("discount_percent"), Fields{"discount_percent"});
  EXPECT_EQ(with("discount_percent", 0), Fields{"discount_percent"});
  EXPECT_EQ(with("discount_percent", 1), Fields{});
  EXPECT_EQ(with("discount_percent", 100), Fields{});
  EXPECT_EQ(with("discount_percent", 101), Fields{"discount_percent"});
  EXPECT_EQ(with("discount_percent", -5), Fields{"discount_percent"});
}

TEST(ValidateCampaign, NumberOfVouchersIsAnIntegerFrom1To10Million) {
  EXPECT_EQ(without("number_of_vouchers"), Fields{"number_of_vouchers"});
  EXPECT_EQ(with("number_of_vouchers", 0), Fields{"number_of_vouchers"});
  EXPECT_EQ(with("number_of_vouchers", 1), Fields{});
  EXPECT_EQ(with("number_of_vouchers", 10'000'000), Fields{});
  EXPECT_EQ(with("number_of_vouchers", 10'000'001), Fields{"number_of_vouchers"});
  EXPECT_EQ(with("number_of_vouchers", std::int64_t{1} << 40), Fields{"number_of_vouchers"});
  EXPECT_EQ(with("number_of_vouchers", std::uint64_t{18'000'000'000'000'000'000u}), Fields{"number_of_vouchers"});
}

TEST(ValidateCampaign, VoucherDurationDaysIsAnIntegerFrom1To3650) {
  EXPECT_EQ(without("voucher_duration_days"), Fields{"voucher_duration_days"});
  EXPECT_EQ(with("voucher_duration_days", 0), Fields{"voucher_duration_days"});
  EXPECT_EQ(with("voucher_duration_days", 1), Fields{});
  EXPECT_EQ(with("voucher_duration_days", 3650), Fields{});
  EXPECT_EQ(with("voucher_duration_days", 3651), Fields{"voucher_duration_days"});
}

TEST(ValidateCampaign, IntegersMustBeJsonIntegers) {
  EXPECT_EQ(with("discount_percent", 1.5), Fields{"discount_percent"});
  EXPECT_EQ(with("discount_percent", 10.0), Fields{"discount_percent"});
  EXPECT_EQ(with("discount_percent", "10"), Fields{"discount_percent"});
  EXPECT_EQ(with("discount_percent", true), Fields{"discount_percent"});
  EXPECT_EQ(with("discount_percent", nullptr), Fields{"discount_percent"});
  EXPECT_EQ(with("discount_percent", boost::json::array{10}), Fields{"discount_percent"});
  // 1e2 is a JSON number with an exponent: parsed as a double, refused.
  auto body =
      boost::json::parse(R"({"name":"n","discount_percent":1e1,"number_of_vouchers":1,"voucher_duration_days":1})");
  EXPECT_EQ(error_fields(body.as_object()), Fields{"discount_percent"});
}

TEST(ValidateCampaign, UnknownAndPrivilegedFieldsAreIgnored) {
  auto body = valid_body();
  body["is_available"] = false;
  body["remaining_vouchers"] = 5;
  body["role"] = "admin";
  body["whatever"] = boost::json::object{{"x", 1}};
  auto result = validate_campaign(body);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->number_of_vouchers, 100);
}

TEST(ValidateCampaign, DatesAreOptionalRfc3339NormalizedToUtc) {
  auto body = valid_body();
  body["starts_at"] = "2026-01-01T09:00:00+02:00";
  body["ends_at"] = "2026-02-01T00:00:00.5Z";
  auto result = validate_campaign(body);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->starts_at, "2026-01-01T07:00:00.000000Z");
  EXPECT_EQ(result->ends_at, "2026-02-01T00:00:00.500000Z");

  EXPECT_EQ(with("starts_at", nullptr), Fields{});
  EXPECT_EQ(with("ends_at", "2026-02-01"), Fields{"ends_at"});
  EXPECT_EQ(with("starts_at", "2026-02-30T00:00:00Z"), Fields{"starts_at"});
  EXPECT_EQ(with("starts_at", "2026-01-01 00:00:00Z"), Fields{"starts_at"});
  EXPECT_EQ(with("starts_at", 1767225600), Fields{"starts_at"});
}

TEST(ValidateCampaign, EndsAtMustBeAfterStartsAtComparedAsInstants) {
  auto dates = [](const char* starts, const char* ends) {
    auto body = valid_body();
    body["starts_at"] = starts;
    body["ends_at"] = ends;
    return error_fields(body);
  };
  EXPECT_EQ(dates("2026-01-01T00:00:00Z", "2026-01-01T00:00:00.000001Z"), Fields{});
  EXPECT_EQ(dates("2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"), Fields{"ends_at"});
  EXPECT_EQ(dates("2026-01-01T00:00:01Z", "2026-01-01T00:00:00Z"), Fields{"ends_at"});
  // Same instant, different offsets: not after.
  EXPECT_EQ(dates("2026-01-01T00:00:00Z", "2026-01-01T07:00:00+07:00"), Fields{"ends_at"});
  // Later as text but earlier as an instant, and the reverse.
  EXPECT_EQ(dates("2026-01-01T10:00:00+00:00", "2026-01-01T12:00:00+05:00"), Fields{"ends_at"});
  EXPECT_EQ(dates("2026-01-01T10:00:00+00:00", "2026-01-01T06:00:00-05:00"), Fields{});
  // Only one of them: nothing to compare.
  auto body = valid_body();
  body["ends_at"] = "1999-01-01T00:00:00Z";
  EXPECT_EQ(error_fields(body), Fields{});
}

TEST(NormalizeTimestamp, ConvertsOffsetsFractionsAndLeapSeconds) {
  EXPECT_EQ(normalize_timestamp("2026-03-01T00:30:00+01:00"), "2026-02-28T23:30:00.000000Z");
  EXPECT_EQ(normalize_timestamp("2024-02-29T23:00:00-01:30"), "2024-03-01T00:30:00.000000Z");
  EXPECT_EQ(normalize_timestamp("2026-01-01T00:00:00.123456Z"), "2026-01-01T00:00:00.123456Z");
  EXPECT_EQ(normalize_timestamp("2026-01-01T00:00:00.1234564Z"), "2026-01-01T00:00:00.123456Z");
  EXPECT_EQ(normalize_timestamp("2026-01-01T00:00:00.1234565Z"), "2026-01-01T00:00:00.123457Z");
  EXPECT_EQ(normalize_timestamp("2026-01-01T23:59:59.9999995Z"), "2026-01-02T00:00:00.000000Z");
  EXPECT_EQ(normalize_timestamp("2026-12-31T23:59:60Z"), "2027-01-01T00:00:00.000000Z");
  EXPECT_EQ(normalize_timestamp("nonsense"), std::nullopt);
  EXPECT_EQ(normalize_timestamp("2026-01-01T00:00:00"), std::nullopt);  // no offset
}

TEST(NormalizeTimestamp, AcceptsInstantsFrom1970ToYear9999) {
  EXPECT_EQ(normalize_timestamp("1970-01-01T00:00:00Z"), "1970-01-01T00:00:00.000000Z");
  EXPECT_EQ(normalize_timestamp("1969-12-31T23:59:59.999999Z"), std::nullopt);
  EXPECT_EQ(normalize_timestamp("1970-01-01T00:30:00+01:00"), std::nullopt);
  EXPECT_EQ(normalize_timestamp("0000-01-01T00:00:00Z"), std::nullopt);
  EXPECT_EQ(normalize_timestamp("9999-12-31T23:59:59.999999Z"), "9999-12-31T23:59:59.999999Z");
  EXPECT_EQ(normalize_timestamp("9999-12-31T23:59:59-05:00"), std::nullopt);
}

TEST(ValidateAvailability, RequiresABoolean) {
  EXPECT_EQ(*validate_availability({{"is_available", false}}), false);
  EXPECT_EQ(*validate_availability({{"is_available", true}, {"name", "ignored"}}), true);
  for (const auto& body : {boost::json::object{}, boost::json::object{{"is_available", nullptr}},
                           boost::json::object{{"is_available", "false"}}, boost::json::object{{"is_available", 0}}}) {
    auto result = validate_availability(body);
    ASSERT_FALSE(result.has_value()) << boost::json::serialize(body);
    EXPECT_EQ(result.error().at(0).field, "is_available");
  }
}

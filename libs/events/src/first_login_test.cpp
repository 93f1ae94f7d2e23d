#include "events/first_login.hpp"

#include <gtest/gtest.h>

namespace {

const events::FirstLogin sample{.event_id = "2f1c7d1e-8a4b-4c1e-9f3a-0b5d6e7f8a9b",
                                .user_id = "42",
                                .user_identifier = "alice@example.com",
                                .occurred_at = "2026-11-28T10:00:00.123456Z"};

std::string reason(std::string_view payload) {
  const auto result = events::decode(payload);
  return result ? "decoded" : result.error().reason;
}

}  // namespace

TEST(FirstLogin, EncodeThenDecodeIsIdentity) {
  auto decoded = *events::decode(events::encode(sample));
  EXPECT_EQ(decoded.event_id, sample.event_id);
  EXPECT_EQ(decoded.user_id, sample.user_id);
  EXPECT_EQ(decoded.user_identifier, sample.user_identifier);
  EXPECT_EQ(decoded.occurred_at, sample.occurred_at);
}

TEST(FirstLogin, RefusesMalformedPayloads) {
  EXPECT_EQ(reason("{not json"), "payload is not JSON");
  EXPECT_EQ(reason("[1,2]"), "payload is not a JSON object");
  EXPECT_NE(
      reason(
          R"({"event_id":"2f1c7d1e-8a4b-4c1e-9f3a-0b5d6e7f8a9b","user_identifier":"a","occurred_at":"2026-11-28T10:00:00Z"})")
          .find("user_id"),
      std::string::npos);
  EXPECT_EQ(reason(R"({"event_id":"nope","user_id":"1","user_identifier":"a","occurred_at":"2026-11-28T10:00:00Z"})"),
            "event_id is not a UUID");
  EXPECT_EQ(
      reason(
          R"({"event_id":"2f1c7d1e-8a4b-4c1e-9f3a-0b5d6e7f8a9b","user_id":1,"user_identifier":"a","occurred_at":"2026-11-28T10:00:00Z"})")
          .substr(0, 7),
      "user_id");
  EXPECT_EQ(
      reason(
          R"({"event_id":"2f1c7d1e-8a4b-4c1e-9f3a-0b5d6e7f8a9b","user_id":"1","user_identifier":"a","occurred_at":"yesterday"})"),
      "occurred_at is not RFC 3339");
  EXPECT_EQ(reason(std::string(5000, ' ')), "payload larger than 4096 bytes");
}

TEST(FirstLogin, AcceptsOffsetsAndIgnoresUnknownFields) {
  EXPECT_EQ(
      reason(
          R"({"event_id":"2f1c7d1e-8a4b-4c1e-9f3a-0b5d6e7f8a9b","user_id":"1","user_identifier":"a","occurred_at":"2026-11-28T10:00:00+02:00","extra":true})"),
      "decoded");
}

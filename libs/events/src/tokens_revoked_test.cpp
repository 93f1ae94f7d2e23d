#include "events/tokens_revoked.hpp"

#include <gtest/gtest.h>

namespace {

const events::TokensRevoked one_token{.event_id = "2f1c7d1e-8a4b-4c1e-9f3a-0b5d6e7f8a9b",
                                      .user_id = "7c0e8f1a-1b2c-4d3e-8f4a-5b6c7d8e9f0a",
                                      .jti = "0f0e0d0c-0b0a-4908-8706-050403020100",
                                      .expires = 1'796'400'000,
                                      .occurred_at = "2026-12-04T16:00:00.000000Z"};

std::string reason(std::string_view payload) {
  const auto result = events::decode_tokens_revoked(payload);
  return result ? "decoded" : result.error().reason;
}

TEST(TokensRevoked, EncodeThenDecodeIsIdentity) {
  EXPECT_EQ(*events::decode_tokens_revoked(events::encode(one_token)), one_token);
  auto everywhere = one_token;
  everywhere.jti.reset();
  everywhere.issued_until = 1'796'398'200;
  EXPECT_EQ(*events::decode_tokens_revoked(events::encode(everywhere)), everywhere);
}

TEST(TokensRevoked, RefusesMalformedPayloads) {
  EXPECT_EQ(reason("{not json"), "payload is not JSON");
  EXPECT_EQ(reason("[1]"), "payload is not a JSON object");
  EXPECT_EQ(reason(std::string(5000, ' ')), "payload larger than 4096 bytes");
  const std::string head =
      R"({"event_id":"2f1c7d1e-8a4b-4c1e-9f3a-0b5d6e7f8a9b","user_id":"u","occurred_at":"2026-12-04T16:00:00Z",)";
  EXPECT_EQ(reason(head + R"("expires":1})"), "exactly one of jti and issued_until is required");
  EXPECT_EQ(reason(head + R"("expires":1,"jti":"j","issued_until":1})"),
            "exactly one of jti and issued_until is required");
  EXPECT_EQ(reason(head + R"("expires":"soon","jti":"j"})").substr(0, 7), "expires");
  EXPECT_EQ(reason(head + R"("expires":-1,"jti":"j"})").substr(0, 7), "expires");
  EXPECT_EQ(reason(head + R"("expires":1,"jti":""})").substr(0, 3), "jti");
  EXPECT_EQ(reason(head + R"("expires":1,"issued_until":1.5})").substr(0, 12), "issued_until");
  EXPECT_EQ(reason(head + R"("expires":1,"jti":"j"})"), "decoded");
  EXPECT_EQ(reason(R"({"event_id":"x","user_id":"u","occurred_at":"2026-12-04T16:00:00Z","expires":1,"jti":"j"})"),
            "event_id is not a UUID");
}

}  // namespace

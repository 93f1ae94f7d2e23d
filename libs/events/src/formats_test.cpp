#include "events/formats.hpp"

#include <gtest/gtest.h>

TEST(Formats, Uuid) {
  EXPECT_TRUE(events::is_uuid("2f1c7d1e-8a4b-4c1e-9f3a-0b5d6e7f8a9b"));
  EXPECT_TRUE(events::is_uuid("2F1C7D1E-8A4B-4C1E-9F3A-0B5D6E7F8A9B"));
  EXPECT_FALSE(events::is_uuid("2f1c7d1e-8a4b-4c1e-9f3a-0b5d6e7f8a9"));
  EXPECT_FALSE(events::is_uuid("2f1c7d1e08a4b-4c1e-9f3a-0b5d6e7f8a9b"));
  EXPECT_FALSE(events::is_uuid("2f1c7d1e-8a4b-4c1e-9f3a-0b5d6e7f8a9g"));
}

TEST(Formats, Rfc3339) {
  EXPECT_TRUE(events::is_rfc3339("2026-11-28T10:00:00Z"));
  EXPECT_TRUE(events::is_rfc3339("2026-11-28T10:00:00.123456Z"));
  EXPECT_TRUE(events::is_rfc3339("2024-02-29T23:59:59+07:00"));
  EXPECT_FALSE(events::is_rfc3339("2023-02-29T10:00:00Z"));
  EXPECT_FALSE(events::is_rfc3339("2026-13-01T10:00:00Z"));
  EXPECT_FALSE(events::is_rfc3339("2026-11-28T24:00:00Z"));
  EXPECT_FALSE(events::is_rfc3339("2026-11-28T10:00:00"));
  EXPECT_FALSE(events::is_rfc3339("2026-11-28 10:00:00Z"));
  EXPECT_FALSE(events::is_rfc3339("2026-11-28T10:00:00.Z"));
  EXPECT_FALSE(events::is_rfc3339("2026-11-28T10:00:00+7:00"));
}

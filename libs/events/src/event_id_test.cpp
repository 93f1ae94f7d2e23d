#include "events/event_id.hpp"

#include <gtest/gtest.h>

#include "events/formats.hpp"

TEST(EventId, IsTheRfcVersion5Uuid) {
  // RFC 9562 appendix A.4 (and Python's uuid.uuid5(uuid.NAMESPACE_DNS, "www.example.com")).
  EXPECT_EQ(events::uuid_v5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com"),
            "2ed6657d-e927-568b-95e1-2665a8aea6a2");
  EXPECT_THROW(events::uuid_v5("not-a-uuid", "x"), std::invalid_argument);
}

TEST(EventId, AFirstLoginsIdDependsOnTheUserAlone) {
  const auto id = events::first_login_event_id("7c0e8f1a-1b2c-4d3e-8f4a-5b6c7d8e9f0a");
  EXPECT_TRUE(events::is_uuid(id));
  EXPECT_EQ(id, events::first_login_event_id("7c0e8f1a-1b2c-4d3e-8f4a-5b6c7d8e9f0a"));
  EXPECT_NE(id, events::first_login_event_id("7c0e8f1a-1b2c-4d3e-8f4a-5b6c7d8e9f0b"));
  EXPECT_EQ(id[14], '5');
}

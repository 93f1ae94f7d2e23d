#include "pg/timestamp.hpp"

#include <gtest/gtest.h>

TEST(Timestamp, Rfc3339InUtcWithMicroseconds) {
  using namespace std::chrono;
  const sys_days day = year{2026} / 12 / 4;
  EXPECT_EQ(pg::timestamp(day + hours(14) + minutes(5) + seconds(9) + microseconds(123456)),
            "2026-12-04T14:05:09.123456Z");
  EXPECT_EQ(pg::timestamp(system_clock::time_point{}), "1970-01-01T00:00:00.000000Z");
  EXPECT_EQ(pg::timestamp(day - microseconds(1)), "2026-12-03T23:59:59.999999Z");
}

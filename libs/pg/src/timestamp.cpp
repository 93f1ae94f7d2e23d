#include "pg/timestamp.hpp"

#include <cstdio>

namespace pg {

std::string timestamp(std::chrono::system_clock::time_point time) {
  using namespace std::chrono;
  const auto micros = floor<microseconds>(time).time_since_epoch().count();
  const auto days_since_epoch = floor<days>(sys_time<microseconds>(microseconds(micros)));
  const year_month_day date{days_since_epoch};
  const auto in_day = micros - duration_cast<microseconds>(days_since_epoch.time_since_epoch()).count();
  const auto seconds_in_day = in_day / 1'000'000;
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02lld:%02lld:%02lld.%06lldZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<long long>(seconds_in_day / 3600), static_cast<long long>(seconds_in_day / 60 % 60),
                static_cast<long long>(seconds_in_day % 60), static_cast<long long>(in_day % 1'000'000));
  return text;
}

}  // namespace pg

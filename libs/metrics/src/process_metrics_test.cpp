#include "metrics/process_metrics.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <vector>

#include "metrics/build_info.hpp"
#include "scrape_test_helper.hpp"

namespace metrics {
namespace {

double unix_now() { return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count(); }

// Seconds since boot, from /proc/uptime.
double uptime() {
  double seconds = 0;
  std::ifstream("/proc/uptime") >> seconds;
  return seconds;
}

TEST(ProcessMetrics, PresentWithPlausibleValues) {
  Registry registry;
  add_process_metrics(registry);
  std::vector<char> burn(8 << 20, 1);  // touched memory, so the RSS is well above zero
  const auto text = registry.scrape();
  const auto value = [&](const char* name) { return test::sample_value(text, name); };

  EXPECT_GT(value("process_resident_memory_bytes"), 8 << 20);
  EXPECT_GE(value("process_virtual_memory_bytes"), value("process_resident_memory_bytes"));
  EXPECT_GE(value("process_cpu_seconds_total"), 0);
  EXPECT_LT(value("process_cpu_seconds_total"), 600);
  EXPECT_GE(value("process_open_fds"), 3);
  EXPECT_GE(value("process_max_fds"), value("process_open_fds"));
  // This process began after boot (now - uptime) and no later than now; both ends allow the 1 s granularity of
  // btime and the clock-tick granularity of the start time.
  const double now = unix_now();
  const double start = value("process_start_time_seconds");
  EXPECT_GE(start, now - uptime() - 1);
  EXPECT_LE(start, now + 1);
  EXPECT_GT(start, now - 3600) << "this test process started more than an hour ago?";
  EXPECT_NE(text.find("# TYPE process_cpu_seconds_total counter\n"), std::string::npos);
  EXPECT_NE(text.find("# TYPE process_open_fds gauge\n"), std::string::npos);
}

TEST(Promtool, AcceptsTheExposition) {
  if (!std::filesystem::exists("/usr/bin/promtool")) GTEST_SKIP() << "no /usr/bin/promtool";
  Registry registry(2);
  add_process_metrics(registry);
  add_build_info(registry, "1.0.0", "abc");
  registry.counter("jobs_total", "Jobs \"done\" \\ here.\nSecond line.").inc(2);
  registry.counter_family("http_requests_total", "Requests.", {"method", "code"}).labels({"GET", "200"}).inc();
  registry.gauge_family("odd_values", "Odd values.", {"v"}).labels({"quote\" back\\ nl\n"}).set(0.0005);
  registry.gauge("infinite", "Inf.").set(-std::numeric_limits<double>::infinity());
  auto& latency = registry.histogram_family("request_duration_seconds", "Latency.", {"route"}, latency_buckets());
  latency.labels({"/users"}).observe(0.003);
  latency.labels({"/users"}).observe(20);
  registry.histogram("empty_seconds", "No observations.", {0.1, 1});

  const auto path = std::filesystem::temp_directory_path() / "metrics_promtool_test.txt";
  std::ofstream(path) << registry.scrape();
  const auto command = "/usr/bin/promtool check metrics < " + path.string() + " >" + path.string() + ".out 2>&1";
  const int status = std::system(command.c_str());
  std::stringstream output;
  output << std::ifstream(path.string() + ".out").rdbuf();
  EXPECT_EQ(status, 0) << output.str() << "\n" << registry.scrape();
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + ".out");
}

}  // namespace
}  // namespace metrics

#include "metrics/registry.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "metrics/build_info.hpp"

namespace metrics {
namespace {

TEST(Registry, ExposesEveryTypeExactly) {
  Registry registry;
  registry.counter("jobs_total", "Jobs done.").inc(3);
  auto& requests = registry.counter_family("requests_total", "Requests by route.", {"method", "route"});
  requests.labels({"GET", "/users"}).inc();
  requests.labels({"POST", "/users"}).inc(2.5);
  requests.labels({"GET", "/users"}).inc();
  registry.gauge("queue_depth", "Messages waiting.").set(-4);
  registry.gauge_family("pool_size", "Pool sizes.", {"pool"});  // no child yet: left out
  auto& latency = registry.histogram_family("latency_seconds", "Latency.", {"route"}, {0.005, 0.1, 1});
  latency.labels({"/a"}).observe(0.005);
  latency.labels({"/a"}).observe(0.05);
  latency.labels({"/a"}).observe(3);
  registry.histogram("size_bytes", "Sizes.", {});
  add_build_info(registry, "1.2.0", "abc123");

  EXPECT_EQ(registry.scrape(),
            "# HELP jobs_total Jobs done.\n"
            "# TYPE jobs_total counter\n"
            "jobs_total 3\n"
            "# HELP requests_total Requests by route.\n"
            "# TYPE requests_total counter\n"
            "requests_total{method=\"GET\",route=\"/users\"} 2\n"
            "requests_total{method=\"POST\",route=\"/users\"} 2.5\n"
            "# HELP queue_depth Messages waiting.\n"
            "# TYPE queue_depth gauge\n"
            "queue_depth -4\n"
            "# HELP latency_seconds Latency.\n"
            "# TYPE latency_seconds histogram\n"
            "latency_seconds_bucket{route=\"/a\",le=\"0.005\"} 1\n"
            "latency_seconds_bucket{route=\"/a\",le=\"0.1\"} 2\n"
            "latency_seconds_bucket{route=\"/a\",le=\"1\"} 2\n"
            "latency_seconds_bucket{route=\"/a\",le=\"+Inf\"} 3\n"
            "latency_seconds_sum{route=\"/a\"} 3.055\n"
            "latency_seconds_count{route=\"/a\"} 3\n"
            "# HELP size_bytes Sizes.\n"
            "# TYPE size_bytes histogram\n"
            "size_bytes_bucket{le=\"+Inf\"} 0\n"
            "size_bytes_sum 0\n"
            "size_bytes_count 0\n"
            "# HELP build_info The version and commit the process was built from.\n"
            "# TYPE build_info gauge\n"
            "build_info{version=\"1.2.0\",commit=\"abc123\"} 1\n");
}

TEST(Registry, EscapesHelpAndLabelValues) {
  Registry registry;
  registry.gauge_family("g", "Line one\nback\\slash \"quoted\"", {"v"}).labels({"a\"b\\c\nd"}).set(1);
  EXPECT_EQ(registry.scrape(),
            "# HELP g Line one\\nback\\\\slash \"quoted\"\n"
            "# TYPE g gauge\n"
            "g{v=\"a\\\"b\\\\c\\nd\"} 1\n");
}

TEST(Histogram, BucketsAreCumulativeAndNanGoesToInf) {
  Histogram histogram(1, {1, 2, 4});
  for (const double value : {0.5, 1.0, 1.5, 3.0, 3.5, 100.0, std::nan("")}) histogram.observe(value);
  EXPECT_EQ(histogram.cumulative_counts(), (std::vector<double>{2, 3, 5, 7}));
  EXPECT_TRUE(std::isnan(histogram.sum()));
}

TEST(Registry, ReRegistrationReturnsTheSameMetric) {
  Registry registry;
  EXPECT_EQ(&registry.counter("a_total", "A."), &registry.counter("a_total", "A."));
  EXPECT_EQ(&registry.gauge("g", "G."), &registry.gauge("g", "G."));
  EXPECT_EQ(&registry.histogram_family("h", "H.", {"x"}, {1, 2}), &registry.histogram_family("h", "H.", {"x"}, {1, 2}));
  auto& family = registry.counter_family("f_total", "F.", {"x"});
  EXPECT_EQ(&family, &registry.counter_family("f_total", "F.", {"x"}));
  EXPECT_EQ(&family.labels({"1"}), &family.labels({"1"}));
  EXPECT_NE(&family.labels({"1"}), &family.labels({"2"}));
}

TEST(Registry, ClashesThrow) {
  Registry registry;
  registry.counter_family("a_total", "A.", {"x"});
  EXPECT_THROW(registry.counter("a_total", "A."), std::invalid_argument);
  EXPECT_THROW(registry.counter_family("a_total", "A.", {"y"}), std::invalid_argument);
  EXPECT_THROW(registry.counter_family("a_total", "Other help.", {"x"}), std::invalid_argument);
  EXPECT_THROW(registry.counter_callback("a_total", "A.", [] { return 1.0; }), std::invalid_argument);
  registry.gauge("g", "G.");
  EXPECT_THROW(registry.histogram("g", "G.", {1}), std::invalid_argument);
  EXPECT_THROW(registry.gauge_callback("g", "G.", [] { return 1.0; }), std::invalid_argument);
  registry.histogram("h", "H.", {1, 2});
  EXPECT_THROW(registry.histogram("h", "H.", {1, 3}), std::invalid_argument);
  registry.gauge_callback("c", "C.", [] { return 1.0; });
  EXPECT_THROW(registry.gauge("c", "C."), std::invalid_argument);
  EXPECT_THROW(registry.counter_callback("c", "C.", [] { return 1.0; }), std::invalid_argument);
}

TEST(Registry, BadNamesAndArgumentsThrow) {
  Registry registry;
  EXPECT_THROW(registry.counter("requests", "No _total."), std::invalid_argument);
  EXPECT_THROW(registry.counter_callback("requests", "No _total.", [] { return 1.0; }), std::invalid_argument);
  for (const char* name : {"", "1abc", "a-b", "a b", "é"})
    EXPECT_THROW(registry.gauge(name, "Bad."), std::invalid_argument) << name;
  EXPECT_NO_THROW(registry.gauge(":ok_Name:9", "Good."));
  for (const char* label : {"", "9a", "a:b", "__reserved", "a-b"})
    EXPECT_THROW(registry.gauge_family("g", "Bad.", {label}), std::invalid_argument) << label;
  EXPECT_THROW(registry.gauge_family("g", "Twice.", {"a", "a"}), std::invalid_argument);
  EXPECT_THROW(registry.histogram_family("h", "le.", {"le"}, {1}), std::invalid_argument);
  EXPECT_THROW(registry.histogram("h", "Unsorted.", {2, 1}), std::invalid_argument);
  EXPECT_THROW(registry.histogram("h", "Repeated.", {1, 1}), std::invalid_argument);
  EXPECT_THROW(registry.histogram("h", "Inf.", {1, std::numeric_limits<double>::infinity()}), std::invalid_argument);
  EXPECT_THROW(registry.gauge_callback("c", "Empty.", nullptr), std::invalid_argument);
  EXPECT_THROW(Registry{0}, std::invalid_argument);

  auto& family = registry.counter_family("f_total", "F.", {"a", "b"});
  EXPECT_THROW(family.labels({"1"}), std::invalid_argument);
  EXPECT_THROW(family.labels({"1", "2", "3"}), std::invalid_argument);
  EXPECT_THROW(family.labels({"1", "2"}).inc(-1), std::invalid_argument);
  EXPECT_EQ(registry.scrape(),
            "# HELP :ok_Name:9 Good.\n"
            "# TYPE :ok_Name:9 gauge\n"
            ":ok_Name:9 0\n"
            "# HELP f_total F.\n"
            "# TYPE f_total counter\n"
            "f_total{a=\"1\",b=\"2\"} 0\n");
}

TEST(Registry, CallbacksUnderOneNameAreSummed) {
  Registry registry;
  double pool_a = 3;
  registry.counter_callback("pool_tasks_total", "Tasks run.", [&] { return pool_a; });
  registry.counter_callback("pool_tasks_total", "Tasks run.", [] { return 4.5; });
  registry.gauge_callback("pool_idle", "Idle workers.", [] { return 2.0; });
  EXPECT_EQ(registry.scrape(),
            "# HELP pool_tasks_total Tasks run.\n"
            "# TYPE pool_tasks_total counter\n"
            "pool_tasks_total 7.5\n"
            "# HELP pool_idle Idle workers.\n"
            "# TYPE pool_idle gauge\n"
            "pool_idle 2\n");
  pool_a = 10;
  EXPECT_NE(registry.scrape().find("pool_tasks_total 14.5\n"), std::string::npos);
}

TEST(Registry, ShardsAddUpAndIndexesWrap) {
  Registry registry(3);
  auto& counter = registry.counter("c_total", "C.");
  auto& histogram = registry.histogram("h", "H.", {1});
  for (std::size_t shard = 0; shard < 7; ++shard) {
    bind_thread_to_shard(shard);
    counter.inc(shard);
    histogram.observe(static_cast<double>(shard));
  }
  bind_thread_to_shard(0);
  EXPECT_EQ(counter.value(), 21);
  EXPECT_EQ(histogram.cumulative_counts(), (std::vector<double>{2, 7}));
  EXPECT_EQ(histogram.sum(), 21);
}

}  // namespace
}  // namespace metrics

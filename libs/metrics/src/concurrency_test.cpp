#include "metrics/registry.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "scrape_test_helper.hpp"

namespace metrics {
namespace {

constexpr std::size_t threads = 8;
constexpr int increments = 100'000;

// Runs body(index) on `threads` threads, each bound to shard `index` (more threads than the registry's shards).
template <class Body>
void run_threads(Body body) {
  std::vector<std::jthread> workers;
  for (std::size_t index = 0; index < threads; ++index) {
    workers.emplace_back([&body, index] {
      bind_thread_to_shard(index);
      body(index);
    });
  }
}

TEST(Concurrency, IncrementsFromManyThreadsAllCount) {
  Registry registry(3);
  auto& counter = registry.counter("c_total", "C.");
  auto& family = registry.counter_family("f_total", "F.", {"thread"});
  auto& histogram = registry.histogram("h", "H.", {0.5});
  auto& gauge = registry.gauge("g", "G.");
  run_threads([&](std::size_t index) {
    auto& child = family.labels({std::to_string(index % 2)});
    for (int i = 0; i < increments; ++i) {
      counter.inc();
      child.inc(2);
      histogram.observe(index % 2 == 0 ? 0.25 : 1);
      gauge.add(1);
    }
  });
  constexpr double total = threads * increments;
  EXPECT_EQ(counter.value(), total);
  EXPECT_EQ(family.labels({"0"}).value() + family.labels({"1"}).value(), 2 * total);
  EXPECT_EQ(histogram.cumulative_counts(), (std::vector<double>{total / 2, total}));
  EXPECT_EQ(histogram.sum(), total / 2 * 0.25 + total / 2);
  EXPECT_EQ(gauge.value(), total);
}

TEST(Concurrency, ScrapesWhileThreadsIncrementSeeOnlyGrowth) {
  Registry registry(4);
  auto& counter = registry.counter("c_total", "C.");
  auto& latency = registry.histogram_family("latency_seconds", "L.", {"route"}, {0.1});
  std::atomic<bool> done = false;
  std::jthread scraper([&] {
    double last = 0;
    while (!done) {
      const auto text = registry.scrape();
      const double value = test::sample_value(text, "c_total");
      EXPECT_GE(value, last);
      last = value;
    }
  });
  constexpr int rounds = 20'000;  // each looks a child up under the family's mutex
  run_threads([&](std::size_t index) {
    for (int i = 0; i < rounds; ++i) {
      counter.inc();
      latency.labels({"/" + std::to_string(i % 16)}).observe(0.05 * static_cast<double>(index % 3));
    }
  });
  done = true;
  scraper.join();
  const auto text = registry.scrape();
  EXPECT_EQ(test::sample_value(text, "c_total"), threads * rounds);
  double count = 0;
  for (int route = 0; route < 16; ++route)
    count += test::sample_value(text, "latency_seconds_count{route=\"/" + std::to_string(route) + "\"}");
  EXPECT_EQ(count, threads * rounds);
}

}  // namespace
}  // namespace metrics

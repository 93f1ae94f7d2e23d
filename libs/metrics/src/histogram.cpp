#include "metrics/histogram.hpp"

#include <algorithm>

namespace metrics {

Histogram::Histogram(std::size_t shards, std::vector<double> bounds)
    : bounds_(std::move(bounds)), cells_(shards, bounds_.size() + 2) {}

void Histogram::observe(double value) {
  // The first bound with value <= bound; NaN compares false everywhere and falls through to +Inf.
  const auto bucket =
      std::partition_point(bounds_.begin(), bounds_.end(), [&](double bound) { return !(value <= bound); });
  cells_.add(static_cast<std::size_t>(bucket - bounds_.begin()), 1);
  cells_.add(bounds_.size() + 1, value);
}

std::vector<double> Histogram::cumulative_counts() const {
  std::vector<double> counts(bounds_.size() + 1);
  double running = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) counts[i] = running += cells_.total(i);
  return counts;
}

std::vector<double> latency_buckets() { return {.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}; }

}  // namespace metrics

#pragma once
#include <cstddef>
#include <vector>

#include "metrics/cells.hpp"

namespace metrics {

// Observations counted into buckets `value <= bound`, plus their sum; per-shard cells, so observe() never locks.
class Histogram {
 public:
  // `bounds` finite and strictly increasing (the registry checks); the +Inf bucket is implicit.
  Histogram(std::size_t shards, std::vector<double> bounds);

  // NaN lands in the +Inf bucket only.
  void observe(double value);

  const std::vector<double>& bounds() const { return bounds_; }

  // The number of observations <= each bound, then the +Inf bucket (the count of all observations).
  std::vector<double> cumulative_counts() const;

  double sum() const { return cells_.total(bounds_.size() + 1); }

 private:
  std::vector<double> bounds_;
  Cells cells_;  // slot i < bounds_.size(): observations in (bound i-1, bound i]; then +Inf; then the sum
};

// Standard buckets for request latencies in seconds: .0005 .001 .0025 .005 .01 .025 .05 .1 .25 .5 1 2.5 5 10
std::vector<double> latency_buckets();

}  // namespace metrics

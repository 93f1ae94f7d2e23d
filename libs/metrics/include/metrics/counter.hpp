#pragma once
#include <cstddef>

#include "metrics/cells.hpp"

namespace metrics {

// A value that only goes up, one cell per shard; the request path never locks.
class Counter {
 public:
  explicit Counter(std::size_t shards) : cells_(shards, 1) {}

  // Throws std::invalid_argument unless amount >= 0.
  void inc(double amount = 1);

  // The sum over the shards.
  double value() const { return cells_.total(0); }

 private:
  Cells cells_;
};

}  // namespace metrics

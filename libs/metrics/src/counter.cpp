#include "metrics/counter.hpp"

#include <stdexcept>

namespace metrics {

void Counter::inc(double amount) {
  if (!(amount >= 0)) throw std::invalid_argument("metrics: a counter can only go up");
  cells_.add(0, amount);
}

}  // namespace metrics

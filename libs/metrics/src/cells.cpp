#include "metrics/cells.hpp"

#include <stdexcept>

namespace metrics {
namespace {

thread_local std::size_t thread_shard = 0;

static_assert(std::atomic<double>::is_always_lock_free);

}  // namespace

void bind_thread_to_shard(std::size_t shard) { thread_shard = shard; }

Cells::Cells(std::size_t shards, std::size_t width)
    : shards_(shards),
      lines_per_shard_((width + per_line - 1) / per_line),
      lines_(std::make_unique<Line[]>(shards * lines_per_shard_)) {
  if (shards == 0) throw std::invalid_argument("metrics: the shard count must be at least 1");
}

void Cells::add(std::size_t slot, double amount) {
  const std::size_t shard = thread_shard < shards_ ? thread_shard : thread_shard % shards_;
  at(shard, slot).fetch_add(amount, std::memory_order_relaxed);
}

double Cells::total(std::size_t slot) const {
  double sum = 0;
  for (std::size_t shard = 0; shard < shards_; ++shard) sum += at(shard, slot).load(std::memory_order_relaxed);
  return sum;
}

std::atomic<double>& Cells::at(std::size_t shard, std::size_t slot) const {
  return lines_[shard * lines_per_shard_ + slot / per_line].slots[slot % per_line];
}

}  // namespace metrics

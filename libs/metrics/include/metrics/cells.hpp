#pragma once
#include <array>
#include <atomic>
#include <cstddef>
#include <memory>

namespace metrics {

// The cell the calling thread writes to. Worker threads call this once at start with 0..shards-1;
// threads that never call it write to cell 0; an index >= a metric's shard count wraps (index % shards).
void bind_thread_to_shard(std::size_t shard);

// `width` doubles per shard, each shard on cache lines of its own, so writers bound to different shards never
// share a line. Writes are relaxed atomic adds to the calling thread's shard; reads sum the shards.
class Cells {
 public:
  Cells(std::size_t shards, std::size_t width);

  // Adds `amount` to slot `slot` of the calling thread's shard.
  void add(std::size_t slot, double amount);

  // Slot `slot` summed over the shards.
  double total(std::size_t slot) const;

 private:
  static constexpr std::size_t line_bytes = 64;
  static constexpr std::size_t per_line = line_bytes / sizeof(std::atomic<double>);
  struct alignas(line_bytes) Line {
    std::array<std::atomic<double>, per_line> slots{};
  };

  std::atomic<double>& at(std::size_t shard, std::size_t slot) const;

  std::size_t shards_;
  std::size_t lines_per_shard_;
  std::unique_ptr<Line[]> lines_;
};

}  // namespace metrics

#pragma once
// What a pool reports about itself (read by metrics at scrape time; relaxed atomics).

#include <atomic>
#include <cstdint>

namespace pg {

struct PoolStats {
  std::atomic<std::int64_t> in_use{0};             // connections lent to sessions
  std::atomic<std::int64_t> open{0};               // connections open, lent or idle
  std::atomic<std::int64_t> waiting{0};            // borrowers waiting for a free connection
  std::atomic<std::uint64_t> connects{0};          // connections opened
  std::atomic<std::uint64_t> connect_failures{0};  // connection attempts that failed
  std::atomic<std::uint64_t> wait_timeouts{0};     // borrowers that gave up (PoolTimeout)
  std::atomic<std::uint64_t> reads{0};             // statements sent through Pool::read (each send counts)
  std::atomic<std::uint64_t> read_batches{0};      // batches those went out in: reads / read_batches = batch size
};

}  // namespace pg

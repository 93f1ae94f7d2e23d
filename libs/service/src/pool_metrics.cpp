#include "service/pool_metrics.hpp"

#include <atomic>

#include "metrics/registry.hpp"
#include "pg/pool.hpp"

namespace service {

void add_pool_metrics(metrics::Registry& registry, std::vector<const pg::Pool*> pools) {
  const auto sum = [pools](auto field) {
    return [pools, field] {
      double total = 0;
      for (const auto* pool : pools) total += static_cast<double>((pool->stats().*field).load());
      return total;
    };
  };
  using S = pg::PoolStats;
  registry.gauge_callback("db_pool_connections_in_use", "Database connections lent to requests", sum(&S::in_use));
  registry.gauge_callback("db_pool_connections_open", "Database connections open (lent, idle or opening)",
                          sum(&S::open));
  registry.gauge_callback("db_pool_waiting", "Borrowers waiting for a free database connection", sum(&S::waiting));
  registry.counter_callback("db_pool_connects_total", "Database connections opened", sum(&S::connects));
  registry.counter_callback("db_pool_connect_failures_total", "Database connection attempts that failed",
                            sum(&S::connect_failures));
  registry.counter_callback("db_pool_wait_timeouts_total",
                            "Borrowers that gave up waiting for a connection (DB_POOL_WAIT_MS)",
                            sum(&S::wait_timeouts));
  registry.counter_callback("db_pool_reads_total", "Read statements sent pipelined on a shared connection",
                            sum(&S::reads));
  registry.counter_callback("db_pool_read_batches_total",
                            "Batches the pipelined reads went out in (one round trip each)", sum(&S::read_batches));
}

}  // namespace service

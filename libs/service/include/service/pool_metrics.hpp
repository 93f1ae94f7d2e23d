#pragma once
// The db_pool_* metrics of a process: every pool's own counts, summed at scrape.

#include <vector>

namespace metrics {
class Registry;
}
namespace pg {
class Pool;
}

namespace service {

// The pools must outlive the registry's scrapes.
void add_pool_metrics(metrics::Registry& registry, std::vector<const pg::Pool*> pools);

}  // namespace service

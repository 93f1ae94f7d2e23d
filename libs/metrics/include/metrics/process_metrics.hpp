#pragma once
#include "metrics/registry.hpp"

namespace metrics {

// The standard process metrics, read from /proc/self at scrape: process_resident_memory_bytes,
// process_virtual_memory_bytes, process_cpu_seconds_total, process_open_fds, process_max_fds; and
// process_start_time_seconds (unix seconds), read now. Call once per registry: callbacks under one name add up.
void add_process_metrics(Registry& registry);

}  // namespace metrics

-- Loaded by every bench script: one machine-readable line that bench/lib/load.sh reads:
-- BENCH <requests per second> <p50 ms> <p99 ms> <non-2xx answers + socket errors>
function done(summary, latency, _)
  local e = summary.errors
  io.write(string.format("BENCH %.1f %.3f %.3f %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status + e.connect + e.read + e.write + e.timeout))
end

// jemalloc's settings, read at its start (linked into each service binary by add_service, never with ASan).
// Allocations above jemalloc's default oversize threshold (8 MiB) would go to an arena that returns them to
// the kernel at once; Argon2id's 19 MiB block per hash would then be faulted in afresh on every login
// (docs/benchmarks.md). A threshold beyond the large size classes turns that arena off.
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's contract
const char* malloc_conf = "oversize_threshold:0";
}

// Fuzz target: a revocations-stream payload through events::decode_tokens_revoked, a promotion replica's first
// step. Whatever decodes must survive the round trip: decoding its encoding gives the same event.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "events/tokens_revoked.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto event = events::decode_tokens_revoked({reinterpret_cast<const char*>(data), size});
  if (!event) return 0;
  const auto again = events::decode_tokens_revoked(events::encode(*event));
  if (!again || *again != *event) std::abort();
  return 0;
}

// Fuzz target: a broker payload through events::decode, the promotion consumer's first step. Whatever
// decodes must survive the round trip: decode(encode(event)) succeeds and gives the same event.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <tuple>

#include "events/first_login.hpp"

namespace {

auto fields(const events::FirstLogin& event) {
  return std::tie(event.event_id, event.user_id, event.user_identifier, event.occurred_at);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto event = events::decode({reinterpret_cast<const char*>(data), size});
  if (!event) return 0;
  const auto again = events::decode(events::encode(*event));
  if (!again || fields(*again) != fields(*event)) std::abort();
  return 0;
}

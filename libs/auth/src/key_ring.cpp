#include "auth/key_ring.hpp"

namespace auth {

KeyRing::KeyRing(KeySet keys) : current_(std::make_shared<const Snapshot>(Snapshot{std::move(keys), 0})) {}

bool KeyRing::replace(KeySet keys) {
  const auto now = current();
  if (now->keys.same_kids(keys)) return false;
  current_.store(std::make_shared<const Snapshot>(Snapshot{std::move(keys), now->generation + 1}),
                 std::memory_order_release);
  return true;
}

}  // namespace auth

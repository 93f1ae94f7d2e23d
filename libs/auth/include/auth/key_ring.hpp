// The key set verifiers use right now: read on every request without a lock, replaced whole by a refresher.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

#include "auth/key_set.hpp"

namespace auth {

class KeyRing {
 public:
  struct Snapshot {
    KeySet keys;
    std::uint64_t generation = 0;  // grows with every replacement; verified-token caches are per generation
  };

  explicit KeyRing(KeySet keys = {});

  std::shared_ptr<const Snapshot> current() const { return current_.load(std::memory_order_acquire); }
  // Installs `keys` when their kids differ from the current ones; true when it did.
  bool replace(KeySet keys);

  // `callback` runs on the verifying thread whenever a token names a kid not in the set; it must not block
  // (a refresher only takes note). Set once, before the ring is shared.
  void on_unknown_kid(std::function<void()> callback) { unknown_kid_ = std::move(callback); }
  void report_unknown_kid() const {
    if (unknown_kid_) unknown_kid_();
  }

 private:
  std::atomic<std::shared_ptr<const Snapshot>> current_;
  std::function<void()> unknown_kid_;
};

}  // namespace auth

// A small HTTP client for background work (a key-set refresher), never for an event loop's request path.
#pragma once
#include <chrono>
#include <stdexcept>
#include <string>

namespace http {

struct Fetched {
  unsigned status = 0;
  std::string body;
  std::string cache_control;  // the Cache-Control header, empty when absent
};

// The fetch failed before an answer came (bad URL, refused, timed out, TLS failure, body too large).
struct FetchError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// GET `url` (http:// or https://, the peer verified against the system's CAs), all within `timeout`; bodies
// beyond `body_limit` bytes fail. Blocking; throws FetchError.
Fetched fetch(const std::string& url, std::chrono::milliseconds timeout, std::size_t body_limit = 1 << 16);

}  // namespace http

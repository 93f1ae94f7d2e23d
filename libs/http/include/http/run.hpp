#pragma once
// Runs an io_context on a pool of threads until SIGINT or SIGTERM, then shuts down within a deadline.

#include <chrono>
#include <functional>

namespace boost::asio {
class io_context;
}

namespace http {

// Runs `io` on `threads` threads (the calling thread is one of them) until SIGINT/SIGTERM; then calls
// on_stop() (on an io thread), lets in-flight work finish for up to `deadline`, stops `io` and joins.
// Rethrows the first exception that escaped io.run() on any thread.
void run_until_signal(boost::asio::io_context& io, int threads, std::function<void()> on_stop,
                      std::chrono::milliseconds deadline);

}  // namespace http

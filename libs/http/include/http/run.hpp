#pragma once
// Runs event loops, one thread each, until SIGINT or SIGTERM, then shuts down within a deadline.

#include <chrono>
#include <functional>
#include <vector>

namespace boost::asio {
class io_context;
}

namespace http {

// Runs each of `loops` on a thread of its own (the calling thread runs the first) until SIGINT/SIGTERM;
// then calls on_stop() (on the first loop's thread), lets in-flight work finish for up to `deadline`,
// stops the loops and joins. Rethrows the first exception that escaped a loop's run().
void run_until_signal(const std::vector<boost::asio::io_context*>& loops, std::function<void()> on_stop,
                      std::chrono::milliseconds deadline);

}  // namespace http

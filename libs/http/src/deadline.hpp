#pragma once
// Internal: the time limit of a connection's current wait (idle, reading a request, writing an answer).

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <memory>

namespace http {

// Setting a deadline is one clock read: the timer under it is re-armed only when a deadline moves earlier
// than the one it waits for, and a timer that fires early waits again for the later one. So a request
// served from one read and one write costs no timer operation (docs/benchmarks.md, B1). On expiry it
// cancels the socket's pending operations and stays expired until the next expire_after.
class Deadline {
 public:
  using Clock = std::chrono::steady_clock;

  explicit Deadline(boost::asio::ip::tcp::socket& socket);
  ~Deadline();  // the socket may go away first; the timer's handler never touches it after this
  Deadline(const Deadline&) = delete;
  Deadline& operator=(const Deadline&) = delete;

  void expire_after(Clock::duration timeout);
  void clear();  // no limit until the next expire_after
  bool expired() const;

 private:
  struct State;
  static void arm(const std::shared_ptr<State>& state);
  std::shared_ptr<State> state_;
};

}  // namespace http

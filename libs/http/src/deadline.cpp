#include "deadline.hpp"

namespace http {

struct Deadline::State {
  explicit State(boost::asio::ip::tcp::socket& s) : socket(&s), timer(s.get_executor()) {}
  boost::asio::ip::tcp::socket* socket;  // null once the Deadline is gone
  boost::asio::steady_timer timer;
  Clock::time_point deadline = Clock::time_point::max();
  Clock::time_point armed = Clock::time_point::max();  // what the timer waits for; max: not waiting
  bool expired = false;
};

Deadline::Deadline(boost::asio::ip::tcp::socket& socket) : state_(std::make_shared<State>(socket)) {}

Deadline::~Deadline() {
  state_->socket = nullptr;
  state_->timer.cancel();
}

void Deadline::expire_after(Clock::duration timeout) {
  state_->deadline = Clock::now() + timeout;
  state_->expired = false;
  if (state_->deadline < state_->armed) arm(state_);
}

void Deadline::clear() { state_->deadline = Clock::time_point::max(); }

bool Deadline::expired() const { return state_->expired; }

void Deadline::arm(const std::shared_ptr<State>& state) {
  state->armed = state->deadline;
  state->timer.expires_at(state->deadline);  // a wait already pending ends with operation_aborted
  state->timer.async_wait([state](const boost::system::error_code& ec) {
    if (ec || state->socket == nullptr) return;  // re-armed (a newer wait is pending) or gone
    state->armed = Clock::time_point::max();
    if (state->deadline == Clock::time_point::max()) return;  // cleared: the next expire_after arms
    if (Clock::now() < state->deadline) return arm(state);    // moved later since: wait for it
    state->expired = true;
    state->deadline = Clock::time_point::max();
    boost::system::error_code ignored;
    state->socket->cancel(ignored);
  });
}

}  // namespace http

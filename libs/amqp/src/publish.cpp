#include <amqp.h>
#include <amqp_framing.h>

#include <map>

#include "amqp/connection.hpp"
#include "connection_state.hpp"
#include "state.hpp"

namespace amqp {
namespace {

// Confirm outcomes of one batch, keyed by confirm sequence number.
class Outcomes {
 public:
  Outcomes(std::uint64_t first_seq, std::span<const Message> batch) : first_(first_seq), batch_(batch) {
    confirmed_.assign(batch.size(), false);
    outcome_.assign(batch.size(), Confirm::acked);
  }
  void confirm(std::uint64_t tag, bool multiple, bool ack) {
    for (std::size_t i = 0; i < batch_.size(); ++i) {
      auto seq = first_ + i;
      if (confirmed_[i] || seq > tag || (!multiple && seq != tag)) continue;
      confirmed_[i] = true;
      if (!ack) outcome_[i] = Confirm::nacked;
    }
  }
  void returned(const std::string& message_id) {
    for (std::size_t i = 0; i < batch_.size(); ++i)
      if (!confirmed_[i] && batch_[i].message_id == message_id) outcome_[i] = Confirm::returned;
  }
  bool complete() const {
    for (bool done : confirmed_)
      if (!done) return false;
    return true;
  }
  std::vector<Confirm> take() { return std::move(outcome_); }

 private:
  std::uint64_t first_;
  std::span<const Message> batch_;
  std::vector<bool> confirmed_;
  std::vector<Confirm> outcome_;
};

amqp_basic_properties_t properties_of(const Message& message) {
  amqp_basic_properties_t props{};
  props._flags =
      AMQP_BASIC_CONTENT_TYPE_FLAG | AMQP_BASIC_DELIVERY_MODE_FLAG | AMQP_BASIC_MESSAGE_ID_FLAG | AMQP_BASIC_TYPE_FLAG;
  props.content_type = amqp_cstring_bytes(message.content_type.c_str());
  props.delivery_mode = AMQP_DELIVERY_PERSISTENT;
  props.message_id = amqp_cstring_bytes(message.message_id.c_str());
  props.type = amqp_cstring_bytes(message.type.c_str());
  return props;
}

}  // namespace

void Connection::enable_confirms() {
  amqp_confirm_select(state_->handle, channel);
  check(amqp_get_rpc_reply(state_->handle), "enable publisher confirms");
  state_->next_publish_seq = 1;
}

std::vector<Confirm> Connection::publish(std::string_view routing_key, std::span<const Message> batch) {
  const std::string key{routing_key};
  Outcomes outcomes{state_->next_publish_seq, batch};
  try {
    for (const auto& message : batch) {
      auto props = properties_of(message);
      amqp_bytes_t body{message.body.size(), const_cast<char*>(message.body.data())};
      check_status(amqp_basic_publish(state_->handle, channel, amqp_empty_bytes, amqp_cstring_bytes(key.c_str()), 1, 0,
                                      &props, body),
                   "publish");
      ++state_->next_publish_seq;
    }
    const auto deadline = std::chrono::steady_clock::now() + state_->timeout;
    while (!outcomes.complete()) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) throw Error("publish: no confirm from the broker in time");
      amqp_frame_t frame{};
      auto tv = to_timeval(left);
      int status = amqp_simple_wait_frame_noblock(state_->handle, &frame, &tv);
      if (status == AMQP_STATUS_TIMEOUT) continue;
      check_status(status, "wait for confirms");
      if (frame.frame_type != AMQP_FRAME_METHOD) continue;
      switch (frame.payload.method.id) {
        case AMQP_BASIC_ACK_METHOD: {
          auto* ack = static_cast<amqp_basic_ack_t*>(frame.payload.method.decoded);
          outcomes.confirm(ack->delivery_tag, ack->multiple, true);
          break;
        }
        case AMQP_BASIC_NACK_METHOD: {
          auto* nack = static_cast<amqp_basic_nack_t*>(frame.payload.method.decoded);
          outcomes.confirm(nack->delivery_tag, nack->multiple, false);
          break;
        }
        case AMQP_BASIC_RETURN_METHOD: {
          amqp_message_t returned{};
          check(amqp_read_message(state_->handle, frame.channel, &returned, 0), "read returned message");
          outcomes.returned(to_string(returned.properties.message_id));
          amqp_destroy_message(&returned);
          break;
        }
        case AMQP_CHANNEL_CLOSE_METHOD:
        case AMQP_CONNECTION_CLOSE_METHOD:
          throw Error("publish: the broker closed the channel");
        default:
          break;
      }
    }
  } catch (const Error&) {
    state_->healthy = false;
    throw;
  }
  amqp_maybe_release_buffers(state_->handle);
  return outcomes.take();
}

}  // namespace amqp

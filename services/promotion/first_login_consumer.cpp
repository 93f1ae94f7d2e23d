#include "first_login_consumer.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <spdlog/logger.h>
#include <system_error>

#include "amqp/connection.hpp"
#include "events/topology.hpp"
#include "pg/error.hpp"
#include "voucher_store.hpp"

namespace promotion {

using namespace std::chrono_literals;

namespace {

constexpr std::chrono::milliseconds first_backoff = 100ms, max_backoff = 5000ms;

const char* describe(GrantOutcome outcome) {
    switch (outcome) {
        case GrantOutcome::granted: return "voucher granted";
        case GrantOutcome::no_voucher: return "no voucher left";
        case GrantOutcome::duplicate: return "duplicate event ignored";
    }
    return "?";
}

}  // namespace

FirstLoginConsumer::FirstLoginConsumer(ConsumeSettings settings, VoucherStore& store, boost::asio::io_context& io,
                                       std::shared_ptr<spdlog::logger> log)
    : settings_(std::move(settings)), store_(store), io_(io), log_(std::move(log)),
      wake_fd_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
    if (wake_fd_ < 0) throw std::system_error(errno, std::generic_category(), "eventfd");
}

FirstLoginConsumer::~FirstLoginConsumer() { ::close(wake_fd_); }

void FirstLoginConsumer::stop() {
    stopping_ = true;
    wake();
}

void FirstLoginConsumer::wake() {
    const std::uint64_t one = 1;
    [[maybe_unused]] auto written = ::write(wake_fd_, &one, sizeof one);
}

void FirstLoginConsumer::wait_for_wakeup(std::chrono::milliseconds timeout) {
    pollfd fd{wake_fd_, POLLIN, 0};
    ::poll(&fd, 1, static_cast<int>(timeout.count()));
    std::uint64_t count = 0;
    [[maybe_unused]] auto drained = ::read(wake_fd_, &count, sizeof count);
}

void FirstLoginConsumer::run() {
    auto backoff = first_backoff;
    while (!stopping_) {
        try {
            amqp::Connection broker{{.uri = settings_.mq_uri}};
            const auto topology = events::promotion_topology(settings_.routing_key, settings_.delivery_limit);
            broker.declare(topology.dead_letter_queue);
            broker.declare(topology.queue);
            broker.consume(topology.queue.name, static_cast<std::uint16_t>(settings_.tasks));
            ++connection_;
            log_->info("consuming '{}' with {} task(s)", topology.queue.name, settings_.tasks);
            backoff = first_backoff;
            consume_on(broker);
        } catch (const amqp::Error& error) {
            log_->warn("broker connection failed, reconnecting in {} ms: {}", backoff.count(), error.what());
            wait_for_wakeup(backoff);
            backoff = std::min(backoff * 2, max_backoff);
        }
    }
    // Grants still running belong to a lost connection: the broker redelivers them; let them end.
    const auto deadline = std::chrono::steady_clock::now() + settings_.shutdown_deadline;
    while (in_flight_ > 0 && std::chrono::steady_clock::now() < deadline) wait_for_wakeup(50ms);
}

void FirstLoginConsumer::consume_on(amqp::Connection& broker) {
    std::optional<std::chrono::steady_clock::time_point> deadline;
    for (;;) {
        for (const auto& done : take_finished()) {
            if (done.connection != connection_) continue;  // that delivery went back to the queue
            if (done.ack) broker.ack(done.tag);
            else broker.reject(done.tag, false);
        }
        if (stopping_) {
            if (!deadline) deadline = std::chrono::steady_clock::now() + settings_.shutdown_deadline;
            if (in_flight_ == 0 || std::chrono::steady_clock::now() >= *deadline) return;
            wait_for_wakeup(50ms);
            continue;
        }
        auto delivery = broker.next_delivery(1000ms, wake_fd_);
        if (!delivery) {
            wait_for_wakeup(0ms);  // clears the wake-up that interrupted the wait
            continue;
        }
        auto decoded = events::decode(delivery->body);
        if (const auto* invalid = std::get_if<events::DecodeError>(&decoded)) {
            log_->error("dead-lettering message '{}': {}", delivery->message_id, invalid->reason);
            broker.reject(delivery->tag, false);
            continue;
        }
        ++in_flight_;
        boost::asio::co_spawn(io_, grant(std::get<events::FirstLogin>(std::move(decoded)), connection_, delivery->tag),
                              boost::asio::detached);
    }
}

boost::asio::awaitable<void> FirstLoginConsumer::grant(events::FirstLogin event, std::uint64_t connection,
                                                       std::uint64_t tag) {
    auto backoff = first_backoff;
    for (;;) {
        try {
            const auto outcome = co_await store_.grant(event);
            log_->info("event {} of user {}: {}", event.event_id, event.user_id, describe(outcome));
            finish({connection, tag, true});
            co_return;
        } catch (const pg::Error& error) {
            log_->warn("event {}: database unavailable, retrying in {} ms: {}", event.event_id, backoff.count(),
                       error.what());
        } catch (const std::exception& error) {
            log_->error("event {}: dead-lettered after an unexpected failure: {}", event.event_id, error.what());
            finish({connection, tag, false});
            co_return;
        }
        if (stopping_) break;  // the delivery stays unacked: the broker hands it out again
        boost::asio::steady_timer timer{co_await boost::asio::this_coro::executor, backoff};
        co_await timer.async_wait(boost::asio::use_awaitable);
        backoff = std::min(backoff * 2, max_backoff);
    }
    --in_flight_;
    wake();
}

void FirstLoginConsumer::finish(Done done) {
    {
        std::lock_guard lock{finished_mutex_};
        finished_.push_back(done);
    }
    --in_flight_;
    wake();
}

std::vector<FirstLoginConsumer::Done> FirstLoginConsumer::take_finished() {
    std::lock_guard lock{finished_mutex_};
    return std::exchange(finished_, {});
}

}  // namespace promotion

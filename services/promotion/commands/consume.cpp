#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <csignal>
#include <thread>

#include "commands.hpp"
#include "first_login_consumer.hpp"
#include "http/server.hpp"
#include "logging/logging.hpp"
#include "pg/pool.hpp"
#include "service/host.hpp"
#include "service/pool_metrics.hpp"
#include "settings.hpp"
#include "voucher_store.hpp"

namespace promotion::commands {
namespace {

constexpr std::uint16_t default_metrics_port = 5002;

boost::asio::awaitable<bool> answer(bool value) { co_return value; }

}  // namespace

// The broker connection lives on this thread; grants, and the operations listener on METRICS_PORT, run on
// one Asio loop of their own.
int consume(service::Host& host) {
  const auto settings = load_consume_settings(host.env());
  auto log = logging::get(logging::Category::message_queue);
  boost::asio::io_context io{1};
  auto work = boost::asio::make_work_guard(io);
  pg::Pool pool{io.get_executor(), host.database().pool};
  service::add_pool_metrics(host.metrics(), {&pool});
  VoucherStore store{pool};
  FirstLoginConsumer consumer{settings, store, io, log, host.metrics()};
  const auto listener = host.serve_operations(
      io,
      {{"database", [&pool] { return pool.ping(); }}, {"broker", [&consumer] { return answer(consumer.connected()); }}},
      default_metrics_port);

  boost::asio::signal_set signals{io, SIGINT, SIGTERM};
  signals.async_wait([&](const boost::system::error_code& error, int) {
    if (error) return;
    log->info("stopping: finishing the grants in flight");
    listener->stop();
    consumer.stop();
  });
  std::thread loop{[&io] { io.run(); }};
  consumer.run();
  signals.cancel();
  listener->stop();
  work.reset();
  io.stop();
  loop.join();
  log->info("consumer stopped");
  return 0;
}

}  // namespace promotion::commands

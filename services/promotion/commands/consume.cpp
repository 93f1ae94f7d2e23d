#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <csignal>
#include <thread>

#include "commands.hpp"
#include "first_login_consumer.hpp"
#include "logging/logging.hpp"
#include "pg/pool.hpp"
#include "voucher_store.hpp"

namespace promotion::commands {

int consume(const ConsumeSettings& settings) {
  auto log = logging::get(logging::Category::message_queue);
  boost::asio::io_context io{1};
  auto work = boost::asio::make_work_guard(io);
  pg::Pool pool{io.get_executor(), settings.database.pool};
  VoucherStore store{pool};
  FirstLoginConsumer consumer{settings, store, io, log};

  boost::asio::signal_set signals{io, SIGINT, SIGTERM};
  signals.async_wait([&](const boost::system::error_code& error, int) {
    if (error) return;
    log->info("stopping: finishing the grants in flight");
    consumer.stop();
  });
  std::thread loop{[&io] { io.run(); }};
  consumer.run();
  signals.cancel();
  work.reset();
  io.stop();
  loop.join();
  log->info("consumer stopped");
  return 0;
}

}  // namespace promotion::commands

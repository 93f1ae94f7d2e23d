#include "http/server.hpp"

#include "connection.hpp"
#include "server_state.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <vector>

namespace http {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// Pause after a failed accept (e.g. out of file descriptors) so the loop does not spin.
constexpr std::chrono::milliseconds accept_retry_delay{100};

asio::awaitable<void> accept_loop(std::shared_ptr<Server::State> state) {
  for (std::size_t next = 0;; next = (next + 1) % state->shards.size()) {
    const Shard& shard = state->shards[next];
    auto [ec, socket] = co_await state->acceptor.async_accept(shard.io, asio::as_tuple(asio::use_awaitable));
    if (ec) {
      if (state->stopping || !state->acceptor.is_open()) co_return;
      state->web_log->warn("accept failed: {}", ec.message());
      asio::steady_timer timer{state->acceptor.get_executor(), accept_retry_delay};
      co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
      continue;
    }
    asio::co_spawn(shard.io, serve_connection(state, shard.router, std::move(socket)),
                   [state](std::exception_ptr failure) {
                     if (!failure) return;
                     try {
                       std::rethrow_exception(failure);
                     } catch (const std::exception& e) {
                       state->web_log->error("connection failed: {}", e.what());
                     } catch (...) {
                       state->web_log->error("connection failed: unknown exception");
                     }
                   });
  }
}

}  // namespace

std::uint64_t Server::State::add_connection(std::shared_ptr<Connection> connection) {
  const std::lock_guard lock{mutex_};
  connections_.emplace(next_id_, std::move(connection));
  return next_id_++;
}

void Server::State::remove_connection(std::uint64_t id) {
  const std::lock_guard lock{mutex_};
  connections_.erase(id);
}

void Server::State::close_idle_connections() {
  std::vector<std::shared_ptr<Connection>> snapshot;
  {
    const std::lock_guard lock{mutex_};
    for (const auto& entry : connections_) snapshot.push_back(entry.second);
  }
  for (auto& connection : snapshot) {
    asio::post(connection->socket.get_executor(), [connection] {
      if (connection->idle) connection->socket.cancel();
    });
  }
}

std::size_t Server::State::connection_count() const {
  const std::lock_guard lock{mutex_};
  return connections_.size();
}

Server::Server(std::vector<Shard> shards, ServerOptions options, std::shared_ptr<spdlog::logger> web_log,
               ServerHooks hooks)
    : state_(std::make_shared<State>(std::move(shards), std::move(options), std::move(web_log), std::move(hooks))) {}

Server::~Server() { stop(); }

std::uint16_t Server::start() {
  const tcp::endpoint endpoint{asio::ip::make_address(state_->options.address), state_->options.port};
  auto& acceptor = state_->acceptor;
  acceptor.open(endpoint.protocol());
  acceptor.set_option(tcp::acceptor::reuse_address(true));
  acceptor.bind(endpoint);
  acceptor.listen(asio::socket_base::max_listen_connections);
  const auto port = acceptor.local_endpoint().port();
  asio::co_spawn(acceptor.get_executor(), accept_loop(state_), asio::detached);
  state_->web_log->info("listening on {}:{}", state_->options.address, port);
  return port;
}

void Server::stop() {
  if (state_->stopping.exchange(true)) return;
  asio::post(state_->acceptor.get_executor(), [state = state_] {
    boost::system::error_code ignored;
    state->acceptor.close(ignored);
  });
  state_->close_idle_connections();
}

std::size_t Server::active_connections() const { return state_->connection_count(); }

}  // namespace http

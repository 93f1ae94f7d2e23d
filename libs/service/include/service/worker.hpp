#pragma once
// One event loop of `serve`: its thread's io_context, its share of the database pool and its routes.

#include <boost/asio/io_context.hpp>
#include <memory>
#include <utility>
#include <vector>

#include "http/router.hpp"
#include "pg/pool.hpp"

namespace service {

class Worker {
 public:
  explicit Worker(const pg::PoolOptions& pool) : pool_{io_.get_executor(), pool} {}
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  boost::asio::io_context& io() { return io_; }
  pg::Pool& pool() { return pool_; }
  http::Router& router() { return router_; }

  // A T built from `args` that lives as long as the worker (a store, the handlers' context).
  template <class T, class... Args>
  T& make(Args&&... args) {
    auto owned = std::make_shared<T>(std::forward<Args>(args)...);
    T& object = *owned;
    kept_.push_back(std::move(owned));
    return object;
  }

 private:
  boost::asio::io_context io_{1};
  pg::Pool pool_;
  http::Router router_;
  std::vector<std::shared_ptr<void>> kept_;  // destroyed first: they may use the pool
};

}  // namespace service

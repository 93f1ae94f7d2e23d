#include "cli/common_settings.hpp"

#include <gtest/gtest.h>

namespace cli {
namespace {

pg::PoolOptions pool_of(std::size_t size) {
  pg::PoolOptions pool;
  pool.uri = "postgresql://app@localhost/users";
  pool.size = size;
  return pool;
}

TEST(WorkerPool, SharesThePoolOutRoundingUp) {
  EXPECT_EQ(worker_pool(pool_of(8), 4).size, 2U);
  EXPECT_EQ(worker_pool(pool_of(8), 3).size, 3U);
  EXPECT_EQ(worker_pool(pool_of(8), 1).size, 8U);
  EXPECT_EQ(worker_pool(pool_of(2), 4).size, 1U) << "every worker gets a connection";
  EXPECT_EQ(worker_pool(pool_of(8), 4).uri, "postgresql://app@localhost/users") << "only the size changes";
}

}  // namespace
}  // namespace cli

#include "config/list.hpp"

#include <gtest/gtest.h>

TEST(CommaList, SplitsTrimsAndSkipsEmptyItems) {
  EXPECT_EQ(config::comma_list("a,b"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(config::comma_list(" a , ,b ,"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(config::comma_list("").empty());
  EXPECT_TRUE(config::comma_list(" , ").empty());
}

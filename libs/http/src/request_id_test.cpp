#include "request_id.hpp"

#include <gtest/gtest.h>

namespace http {
namespace {

bool is_generated(const std::string& id) {
  return id.size() == 16 && id.find_first_not_of("0123456789abcdef") == std::string::npos;
}

TEST(RequestId, KeepsSaneClientId) {
  Request request;
  request.set("X-Request-Id", "abc-123_X.y");
  EXPECT_EQ(request_id_for(request), "abc-123_X.y");
  request.set("X-Request-Id", std::string(64, 'a'));
  EXPECT_EQ(request_id_for(request), std::string(64, 'a'));
}

TEST(RequestId, GeneratesWhenAbsentOrInsane) {
  Request request;
  EXPECT_TRUE(is_generated(request_id_for(request)));
  for (const char* bad : {"", "has space", "semi;colon", "new\tline", "ünïcode"}) {
    request.set("X-Request-Id", bad);
    const auto id = request_id_for(request);
    EXPECT_TRUE(is_generated(id)) << bad << " -> " << id;
  }
  request.set("X-Request-Id", std::string(65, 'a'));
  EXPECT_TRUE(is_generated(request_id_for(request)));
}

TEST(RequestId, GeneratedIdsDiffer) {
  const Request request;
  EXPECT_NE(request_id_for(request), request_id_for(request));
}

}  // namespace
}  // namespace http

#include "auth/verified_token_cache.hpp"

#include <gtest/gtest.h>

namespace {

using namespace std::chrono;
const system_clock::time_point t0{seconds(1'800'000'000)};

auth::Claims claims_expiring_at(system_clock::time_point exp, std::string sub = "u1") {
  auth::Claims claims;
  claims.sub = std::move(sub);
  claims.exp = duration_cast<seconds>(exp.time_since_epoch()).count();
  return claims;
}

}  // namespace

TEST(VerifiedTokenCache, ServesOnlyTheExactTokenWhileItLives) {
  auth::VerifiedTokenCache cache{10, seconds(60)};
  cache.insert("a.b.c", claims_expiring_at(t0 + minutes(30)), t0, 0);
  ASSERT_TRUE(cache.find("a.b.c", t0 + minutes(10), 0));
  EXPECT_EQ(cache.find("a.b.c", t0, 0)->sub, "u1");
  EXPECT_FALSE(cache.find("a.b.d", t0, 0));
  EXPECT_TRUE(cache.find("a.b.c", t0 + minutes(30) + seconds(59), 0));   // within the leeway
  EXPECT_FALSE(cache.find("a.b.c", t0 + minutes(30) + seconds(60), 0));  // expired as the verifier says
}

TEST(VerifiedTokenCache, StaysWithinCapacityDroppingExpiredEntriesFirst) {
  auth::VerifiedTokenCache cache{2, seconds(0)};
  cache.insert("old", claims_expiring_at(t0 + seconds(1)), t0, 0);
  cache.insert("live", claims_expiring_at(t0 + minutes(30)), t0, 0);
  cache.insert("new", claims_expiring_at(t0 + minutes(30)), t0 + seconds(5), 0);
  EXPECT_FALSE(cache.find("old", t0, 0));
  EXPECT_TRUE(cache.find("live", t0 + seconds(5), 0));
  EXPECT_TRUE(cache.find("new", t0 + seconds(5), 0));
  cache.insert("newest", claims_expiring_at(t0 + minutes(30)), t0 + seconds(5), 0);
  int kept = 0;
  for (const char* token : {"live", "new", "newest"}) kept += cache.find(token, t0 + seconds(5), 0) ? 1 : 0;
  EXPECT_EQ(kept, 2);
  EXPECT_TRUE(cache.find("newest", t0 + seconds(5), 0));
}

TEST(VerifiedTokenCache, ServesAnEntryOnlyToTheKeySetGenerationThatVerifiedIt) {
  auth::VerifiedTokenCache cache{10, seconds(60)};
  cache.insert("a.b.c", claims_expiring_at(t0 + minutes(30)), t0, 1);
  EXPECT_TRUE(cache.find("a.b.c", t0, 1));
  EXPECT_FALSE(cache.find("a.b.c", t0, 2));
}

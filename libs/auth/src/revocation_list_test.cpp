#include "auth/revocation_list.hpp"

#include <gtest/gtest.h>

namespace auth {
namespace {

Claims token(std::string sub, std::string jti, std::int64_t iat) {
  Claims claims;
  claims.sub = std::move(sub);
  claims.jti = std::move(jti);
  claims.iat = iat;
  claims.exp = iat + 1800;
  return claims;
}

TEST(RevocationList, RefusesTheRevokedTokenOnly) {
  RevocationList list;
  list.revoke_token("j1", 1800);
  EXPECT_TRUE(list.revoked(token("u1", "j1", 0)));
  EXPECT_FALSE(list.revoked(token("u1", "j2", 0)));
  EXPECT_FALSE(list.revoked(token("u1", "", 0)));
}

TEST(RevocationList, RefusesEveryTokenOfAUserIssuedUpToTheCut) {
  RevocationList list;
  list.revoke_user("u1", 100, 1960);
  EXPECT_TRUE(list.revoked(token("u1", "a", 99)));
  EXPECT_TRUE(list.revoked(token("u1", "b", 100)));
  EXPECT_FALSE(list.revoked(token("u1", "c", 101)));  // a login after the logout
  EXPECT_FALSE(list.revoked(token("u2", "d", 50)));
  list.revoke_user("u1", 90, 1950);  // an older logout, delivered late, moves nothing back
  EXPECT_TRUE(list.revoked(token("u1", "b", 100)));
}

TEST(RevocationList, ForgetsEntriesOnceTheirTokensExpired) {
  RevocationList list;
  list.revoke_token("j1", 1800);
  list.revoke_user("u1", 100, 1900);
  list.forget_expired(1800);
  EXPECT_EQ(list.size(), 2u);
  list.forget_expired(1801);
  EXPECT_EQ(list.size(), 1u);
  EXPECT_FALSE(list.revoked(token("u9", "j1", 0)));
  list.forget_expired(1901);
  EXPECT_EQ(list.size(), 0u);
}

}  // namespace
}  // namespace auth

#pragma once

namespace auth {
class HashingPool;
class TokenIssuer;
class TokenVerifier;
}  // namespace auth
namespace pg {
class Pool;
}

namespace users {

class UserStore;

// What the handlers work with; owned by `serve`, alive for the life of the server.
struct Service {
  pg::Pool& pool;
  UserStore& store;
  auth::HashingPool& hashing;
  const auth::TokenIssuer& issuer;
  const auth::TokenVerifier& verifier;
};

}  // namespace users

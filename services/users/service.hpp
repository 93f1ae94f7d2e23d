#pragma once

namespace auth {
class HashingPool;
class TokenIssuer;
class TokenVerifier;
}  // namespace auth

namespace users {

class Defences;
class RevocationStore;
class UserStore;
struct KeyPublication;

// What the handlers of one worker work with; alive for the life of the server.
struct Service {
  UserStore& store;
  Defences& defences;
  auth::HashingPool& hashing;
  const auth::TokenIssuer& issuer;
  const auth::TokenVerifier& verifier;
  RevocationStore& revocations;
  const KeyPublication& keys;
};

}  // namespace users

// The users service's route table, as its `serve` builds it, and the OpenAPI document it serves list
// exactly the same (method, path) pairs.
#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include "auth/hashing_pool.hpp"
#include "auth/keys.hpp"
#include "auth/token_issuer.hpp"
#include "auth/token_verifier.hpp"
#include "defences.hpp"
#include "key_publication.hpp"
#include "revocation_store.hpp"
#include "route_table.hpp"
#include "routes.hpp"
#include "user_store.hpp"

namespace users {
extern const std::string_view openapi_document;
}

namespace {

using namespace route_table;

TEST(RouteTable, UsersServesExactlyTheOperationsItDocuments) {
  const service::Definition definition{
      .app = "users", .port = 5000, .migrations_dir = {}, .openapi = users::openapi_document, .commands = {}};
  service::Host host{definition, environment()};
  auto key = auth::PrivateKey::load(key_path("PRIVATE_KEY", "private.pem"));
  const auth::TokenVerifier verifier{{auth::PublicKey::from_private(key)}, "i", "a"};
  const auth::TokenIssuer issuer{std::move(key), "i", "a", std::chrono::minutes(30)};
  auth::HashingPool hashing{1, 0};
  const users::KeyPublication publication{auth::KeySet({auth::PublicKey::load(key_path("PUBLIC_KEY", "public.pem"))}),
                                          std::chrono::seconds(300)};
  users::SharedDefences shared_defences{{}, host.metrics(), spdlog::default_logger()};
  const auto routes = routed(host, [&](service::Worker& worker) {
    auto& store = worker.make<users::UserStore>(worker.pool());
    auto& defences = worker.make<users::Defences>(worker.pool(), shared_defences);
    auto& revocations = worker.make<users::RevocationStore>(worker.pool(), std::chrono::minutes(30));
    users::add_routes(worker.router(), worker.make<users::Service>(users::Service{store, defences, hashing, issuer,
                                                                                  verifier, revocations, publication}));
  });
  EXPECT_EQ(routes, documented(host.openapi()));
  EXPECT_TRUE(routes.contains("POST /users/login") && routes.contains("GET /metrics")) << "both parts are there";
}

}  // namespace

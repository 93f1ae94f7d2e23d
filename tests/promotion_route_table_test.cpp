// The promotion service's route table, as its `serve` builds it, and the OpenAPI document it serves list
// exactly the same (method, path) pairs.
#include <gtest/gtest.h>

#include "auth/keys.hpp"
#include "auth/revocation_list.hpp"
#include "auth/token_verifier.hpp"
#include "authenticate.hpp"
#include "campaign_store.hpp"
#include "route_table.hpp"
#include "routes.hpp"
#include "voucher_store.hpp"

namespace promotion {
extern const std::string_view openapi_document;
}

namespace {

using namespace route_table;

TEST(RouteTable, PromotionServesExactlyTheOperationsItDocuments) {
  const service::Definition definition{
      .app = "promotion", .port = 5001, .migrations_dir = {}, .openapi = promotion::openapi_document, .commands = {}};
  service::Host host{definition, environment()};
  const auth::TokenVerifier verifier{{auth::PublicKey::load(key_path("PUBLIC_KEY", "public.pem"))}, "i", "a"};
  const auth::RevocationList revocations;
  const promotion::TokenCheck tokens{verifier, revocations, [] { return true; }};
  const auto routes = routed(host, [&](service::Worker& worker) {
    auto& campaigns = worker.make<promotion::CampaignStore>(worker.pool());
    auto& vouchers = worker.make<promotion::VoucherStore>(worker.pool());
    promotion::add_routes(worker.router(),
                          worker.make<promotion::Service>(promotion::Service{campaigns, vouchers, tokens}));
  });
  EXPECT_EQ(routes, documented(host.openapi()));
  EXPECT_TRUE(routes.contains("POST /vouchers/{id}/redeem") && routes.contains("GET /docs/{file}"));
}

}  // namespace

#include <memory>

#include "auth/key_ring.hpp"
#include "auth/keys.hpp"
#include "auth/revocation_list.hpp"
#include "auth/token_verifier.hpp"
#include "authenticate.hpp"
#include "campaign_store.hpp"
#include "commands.hpp"
#include "config/error.hpp"
#include "jwks_refresher.hpp"
#include "logging/logging.hpp"
#include "revocation_follower.hpp"
#include "routes.hpp"
#include "service/host.hpp"
#include "service/worker.hpp"
#include "settings.hpp"
#include "voucher_store.hpp"

namespace promotion::commands {
namespace {

// Static keys from PUBLIC_KEY; with JWKS_URI, a ring the refresher fills (and /readyz names "keys").
std::shared_ptr<auth::KeyRing> verification_keys(service::Host& host, const ServeSettings& settings,
                                                 std::unique_ptr<JwksRefresher>& refresher) {
  auto ring = std::make_shared<auth::KeyRing>();
  if (settings.jwks_uri.empty()) {
    ring->replace(auth::KeySet(config::read_setting("PUBLIC_KEY", [&] {
      auto keys = auth::load_public_keys(settings.public_keys);
      if (keys.empty()) throw auth::KeyError("no key given");
      return keys;
    })));
    return ring;
  }
  refresher = std::make_unique<JwksRefresher>(JwksSettings{.uri = settings.jwks_uri,
                                                           .unknown_kid_interval = settings.jwks_unknown_kid_interval,
                                                           .timeout = std::chrono::seconds(5)},
                                              ring, logging::get(logging::Category::web), host.metrics());
  refresher->start();
  host.add_readiness_check("keys", [&refresher = *refresher] { return refresher.has_keys(); });
  return ring;
}

}  // namespace

// The verifier, the revocation list and its follower are shared by the workers (thread-safe); each worker has
// its own stores on its own share of the pool.
int serve(service::Host& host) {
  const auto settings = load_serve_settings(host.env());
  std::unique_ptr<JwksRefresher> refresher;
  const auth::TokenVerifier verifier{verification_keys(host, settings, refresher), settings.tokens.issuer,
                                     settings.tokens.audience};
  auth::RevocationList revocations;
  RevocationFollower follower{{.broker = settings.broker, .retention = settings.tokens.revocation_retention()},
                              revocations,
                              logging::get(logging::Category::message_queue),
                              host.metrics()};
  follower.start();
  host.add_readiness_check("revocations", [&follower] { return follower.caught_up(); });
  const TokenCheck tokens{verifier, revocations, [&follower] { return follower.caught_up(); }};
  return host.serve([&](service::Worker& worker) {
    auto& campaigns = worker.make<CampaignStore>(worker.pool());
    auto& vouchers = worker.make<VoucherStore>(worker.pool());
    add_routes(worker.router(), worker.make<Service>(Service{campaigns, vouchers, tokens}));
  });
}

}  // namespace promotion::commands

#include "auth/keys.hpp"
#include "auth/token_verifier.hpp"
#include "campaign_store.hpp"
#include "commands.hpp"
#include "config/error.hpp"
#include "routes.hpp"
#include "service/host.hpp"
#include "service/worker.hpp"
#include "settings.hpp"
#include "voucher_store.hpp"

namespace promotion::commands {

// The token verifier is shared by the workers (thread-safe); each worker has its own stores on its own
// share of the pool.
int serve(service::Host& host) {
  const auto settings = load_serve_settings(host.env());
  const auth::TokenVerifier verifier{
      {config::read_setting("PUBLIC_KEY", [&] { return auth::PublicKey::load(settings.public_key); })},
      settings.tokens.issuer,
      settings.tokens.audience};
  return host.serve([&](service::Worker& worker) {
    auto& campaigns = worker.make<CampaignStore>(worker.pool());
    auto& vouchers = worker.make<VoucherStore>(worker.pool());
    add_routes(worker.router(), worker.make<Service>(Service{campaigns, vouchers, verifier}));
  });
}

}  // namespace promotion::commands

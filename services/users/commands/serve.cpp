#include "auth/hashing_pool.hpp"
#include "auth/key_set.hpp"
#include "auth/keys.hpp"
#include "auth/token_issuer.hpp"
#include "auth/token_verifier.hpp"
#include "commands.hpp"
#include "config/error.hpp"
#include "defences.hpp"
#include "key_publication.hpp"
#include "logging/logging.hpp"
#include "metrics/registry.hpp"
#include "outbox_relay.hpp"
#include "revocation_store.hpp"
#include "routes.hpp"
#include "service/host.hpp"
#include "service/worker.hpp"
#include "settings.hpp"
#include "user_store.hpp"

namespace users::commands {
namespace {

void add_hashing_metrics(metrics::Registry& registry, const auth::HashingPool& hashing) {
  registry.gauge_callback("hashing_queue_depth", "Argon2id jobs waiting for a thread",
                          [&hashing] { return static_cast<double>(hashing.waiting()); });
  registry.gauge_callback("hashing_busy_threads", "Argon2id threads hashing",
                          [&hashing] { return static_cast<double>(hashing.busy_threads()); });
  registry.counter_callback("hashing_rejections_total", "Logins and registrations refused (503): HASH_QUEUE full",
                            [&hashing] { return static_cast<double>(hashing.refusals()); });
}

}  // namespace

// The hashing pool, the token issuer and verifier, the published keys and the relay are shared by the workers
// (thread-safe);
// each worker has its own store on its own share of the pool.
int serve(service::Host& host) {
  const auto settings = load_settings(host.env());
  auto private_key = config::read_setting("PRIVATE_KEY", [&] { return auth::PrivateKey::load(settings.private_key); });
  auto keys = config::read_setting("PREVIOUS_PUBLIC_KEYS",
                                   [&] { return auth::load_public_keys(settings.previous_public_keys); });
  keys.insert(keys.begin(), auth::PublicKey::from_private(private_key));
  const auth::KeySet key_set{std::move(keys)};
  const KeyPublication publication{key_set, settings.jwks_max_age};
  const auth::TokenVerifier verifier{key_set.keys(), settings.tokens.issuer, settings.tokens.audience};
  const auth::TokenIssuer issuer{std::move(private_key), settings.tokens.issuer, settings.tokens.audience,
                                 settings.tokens.lifetime};
  auth::HashingPool hashing{settings.hash_threads, settings.hash_queue};
  add_hashing_metrics(host.metrics(), hashing);
  SharedDefences shared_defences{settings.defences, host.metrics(), logging::get(logging::Category::web)};

  OutboxRelay relay{{.database_uri = host.database().pool.uri,
                     .broker = settings.broker,
                     .revocation_retention = settings.tokens.revocation_retention(),
                     .poll = settings.outbox_poll},
                    logging::get(logging::Category::message_queue),
                    host.metrics()};
  if (settings.outbox_relay) relay.start();
  const int code = host.serve([&](service::Worker& worker) {
    auto& store = worker.make<UserStore>(worker.pool());
    auto& defences = worker.make<Defences>(worker.pool(), shared_defences);
    auto& revocations = worker.make<RevocationStore>(worker.pool(), settings.tokens.lifetime);
    add_routes(worker.router(),
               worker.make<Service>(Service{store, defences, hashing, issuer, verifier, revocations, publication}));
  });
  relay.stop();
  return code;
}

}  // namespace users::commands

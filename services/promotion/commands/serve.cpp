#include <boost/asio/io_context.hpp>

#include "auth/keys.hpp"
#include "auth/token_verifier.hpp"
#include "campaign_store.hpp"
#include "commands.hpp"
#include "config/error.hpp"
#include "http/run.hpp"
#include "http/server.hpp"
#include "logging/logging.hpp"
#include "pg/pool.hpp"
#include "routes.hpp"
#include "voucher_store.hpp"

namespace promotion::commands {
namespace {

auth::PublicKey load_public_key(const std::string& pem_or_path) {
    try {
        return auth::PublicKey::load(pem_or_path);
    } catch (const auth::KeyError& error) {
        throw config::Error("PUBLIC_KEY", error.what());
    }
}

}  // namespace

int serve(const ServeSettings& settings) {
    auto web_log = logging::get(logging::Category::web);
    auth::TokenVerifier verifier{{load_public_key(settings.tokens.public_key)}, settings.tokens.issuer,
                                 settings.tokens.audience};

    boost::asio::io_context io{settings.workers};
    pg::Pool pool{io.get_executor(), settings.database.pool};
    CampaignStore campaigns{pool};
    VoucherStore vouchers{pool};
    Service service{pool, campaigns, vouchers, verifier};
    http::Server server{io, settings.http, make_routes(service), web_log};
    const auto port = server.start();
    web_log->info("promotion-service listening on {}:{} ({} workers)", settings.http.address, port, settings.workers);
    http::run_until_signal(io, settings.workers, [&server] { server.stop(); }, settings.http.shutdown_deadline);
    web_log->info("promotion-service stopped");
    return 0;
}

}  // namespace promotion::commands

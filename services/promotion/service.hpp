#pragma once

namespace auth {
class TokenVerifier;
}
namespace pg {
class Pool;
}

namespace promotion {

class CampaignStore;
class VoucherStore;

// What the handlers work with; owned by `serve`, alive for the life of the server.
struct Service {
  pg::Pool& pool;
  CampaignStore& campaigns;
  VoucherStore& vouchers;
  const auth::TokenVerifier& verifier;
};

}  // namespace promotion

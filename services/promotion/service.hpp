#pragma once

namespace auth {
class TokenVerifier;
}

namespace promotion {

class CampaignStore;
class VoucherStore;

// What the handlers of one worker work with; alive for the life of the server.
struct Service {
  CampaignStore& campaigns;
  VoucherStore& vouchers;
  const auth::TokenVerifier& verifier;
};

}  // namespace promotion

#pragma once

namespace promotion {

class CampaignStore;
class VoucherStore;
struct TokenCheck;

// What the handlers of one worker work with; alive for the life of the server.
struct Service {
  CampaignStore& campaigns;
  VoucherStore& vouchers;
  const TokenCheck& tokens;
};

}  // namespace promotion

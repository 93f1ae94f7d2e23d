-- Campaigns, the vouchers they grant, and the first-login events already processed.
CREATE TABLE campaigns (
    id                    uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    name                  text        NOT NULL,
    description           text,
    discount_percent      integer     NOT NULL CHECK (discount_percent BETWEEN 1 AND 100),
    number_of_vouchers    integer     NOT NULL CHECK (number_of_vouchers >= 1),
    -- Invariant 4: never below zero, never above the total.
    remaining_vouchers    integer     NOT NULL CHECK (remaining_vouchers BETWEEN 0 AND number_of_vouchers),
    voucher_duration_days integer     NOT NULL CHECK (voucher_duration_days >= 1),
    starts_at             timestamptz,
    ends_at               timestamptz CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at),
    is_available          boolean     NOT NULL DEFAULT true,
    created_at            timestamptz NOT NULL DEFAULT clock_timestamp()
);
-- The grant looks for the oldest campaign that still has vouchers.
CREATE INDEX campaigns_grantable ON campaigns (created_at, id) WHERE is_available AND remaining_vouchers > 0;

CREATE TABLE vouchers (
    id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    code             text        NOT NULL UNIQUE,
    campaign_id      uuid        NOT NULL REFERENCES campaigns (id),
    user_id          text        NOT NULL,
    event_id         uuid        NOT NULL UNIQUE,          -- invariant 3: at most one voucher per event
    discount_percent integer     NOT NULL,
    issued_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    expires_at       timestamptz NOT NULL,
    redeemed_at      timestamptz,
    UNIQUE (campaign_id, user_id)                           -- invariant 3: one per user per campaign
);
CREATE INDEX vouchers_by_user ON vouchers (user_id, issued_at DESC);

-- Every first-login event handled, with its outcome: a redelivered or duplicated event stops here.
CREATE TABLE processed_events (
    event_id     uuid        PRIMARY KEY,
    user_id      text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    outcome      text        NOT NULL CHECK (outcome IN ('granted', 'no_voucher')),
    voucher_id   uuid        REFERENCES vouchers (id),
    processed_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

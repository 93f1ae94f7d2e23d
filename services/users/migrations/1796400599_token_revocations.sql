-- users: 1796400599_token_revocations (created 2026-12-04T16:36:39Z)
-- Runs once, inside a transaction of its own; do not add BEGIN/COMMIT.
-- Applied migrations are checksummed: never edit this file after it ran anywhere, add a new one.

-- Logouts (docs/security.md, "Logout"). A row refuses tokens until `expires` (seconds since the Unix
-- epoch; the token's exp, or the last exp a user-wide cut can reach) and is also the outbox row of its
-- user.tokens_revoked event: the relay publishes it to the revocations stream and sets published_at.
CREATE TABLE revocations (
    id           bigserial   PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    user_id      uuid        NOT NULL REFERENCES users (id),
    jti          text        UNIQUE,  -- one token
    issued_until bigint,              -- or every token of the user with iat <= issued_until
    expires      bigint      NOT NULL,
    occurred_at  timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    CHECK ((jti IS NULL) <> (issued_until IS NULL))
);
CREATE INDEX revocations_user_cut ON revocations (user_id, issued_until) WHERE jti IS NULL;
CREATE INDEX revocations_unpublished ON revocations (id) WHERE published_at IS NULL;
CREATE INDEX revocations_expires ON revocations (expires);

-- Wakes the relay like a first-login event does.
CREATE TRIGGER revocations_notify AFTER INSERT ON revocations FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

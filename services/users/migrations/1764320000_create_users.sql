-- Users, their identifiers (one namespace for usernames, emails and phones) and the first-login outbox.
CREATE TABLE users (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username       text,
    email          text,
    phone          text,
    password_hash  text        NOT NULL,
    full_name      text        NOT NULL,
    birthday       date,                       -- NULL only for administrators made by create-admin
    is_admin       boolean     NOT NULL DEFAULT false,
    is_active      boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    first_login_at timestamptz
);

-- Invariant 1: an identifier (lower-cased) belongs to at most one user, whichever field it came from.
CREATE TABLE user_identifiers (
    identifier text PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       text NOT NULL CHECK (kind IN ('username', 'email', 'phone'))
);
CREATE INDEX user_identifiers_user_id ON user_identifiers (user_id);

-- Invariant 2: one first-login event per user, written in the login's transaction.
CREATE TABLE outbox (
    id              bigserial   PRIMARY KEY,
    event_id        uuid        NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    user_id         uuid        NOT NULL UNIQUE REFERENCES users (id),
    user_identifier text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    published_at    timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;

-- Wakes the relay (LISTEN outbox) as soon as the inserting transaction commits.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

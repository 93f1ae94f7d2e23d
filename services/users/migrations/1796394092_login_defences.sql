-- users: 1796394092_login_defences (created 2026-12-04T14:21:32Z)
-- Runs once, inside a transaction of its own; do not add BEGIN/COMMIT.
-- Applied migrations are checksummed: never edit this file after it ran anywhere, add a new one.

-- Per-account lockout (docs/security.md): consecutive failed logins of an existing account, whatever
-- identifier or letter case was typed. Only accounts that exist get a row; a success deletes it.
CREATE TABLE login_failures (
    user_id         uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    failures        integer     NOT NULL,
    last_failure_at timestamptz NOT NULL,
    locked_until    timestamptz
);

-- Per-source token buckets for login and registration. UNLOGGED: a crash empties it, which only
-- fails open (every source starts with a full bucket).
CREATE UNLOGGED TABLE source_buckets (
    action     text             NOT NULL,
    source     text             NOT NULL,
    tokens     double precision NOT NULL,
    updated_at timestamptz      NOT NULL,
    PRIMARY KEY (action, source)
);

-- One login attempt on an existing account, counted as a failure before its password is checked, so
-- that racing attempts cannot all pass the limit (login_succeeded clears it). `refused`: the account was
-- locked at `now`; the attempt still counts and extends the lock. Failures older than `reset_seconds`
-- (and no lock in force) are forgotten. From `max_failures` on, each failure locks the account for
-- lock_seconds * 2^(failures - max_failures), at most max_lock_seconds.
CREATE FUNCTION login_attempt(account uuid, now timestamptz, max_failures integer, lock_seconds integer,
                              max_lock_seconds integer, reset_seconds integer)
RETURNS TABLE (refused boolean, failures integer, locked_until timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
    counted login_failures;
BEGIN
    PERFORM set_config('synchronous_commit', 'off', true);  -- see login_succeeded
    INSERT INTO login_failures (user_id, failures, last_failure_at) VALUES (account, 0, now)
    ON CONFLICT (user_id) DO NOTHING;
    SELECT * INTO counted FROM login_failures f WHERE f.user_id = account FOR UPDATE;
    refused := counted.locked_until IS NOT NULL AND counted.locked_until > now;
    IF NOT refused AND counted.last_failure_at < now - make_interval(secs => reset_seconds) THEN
        counted.failures := 0;
    END IF;
    counted.failures := counted.failures + 1;
    IF counted.failures >= max_failures THEN
        counted.locked_until := now + make_interval(secs => least(max_lock_seconds::double precision,
            lock_seconds * power(2::double precision, counted.failures - max_failures)));
    END IF;
    UPDATE login_failures f
    SET failures = counted.failures, last_failure_at = greatest(f.last_failure_at, now),
        locked_until = counted.locked_until
    WHERE f.user_id = account;
    failures := counted.failures;
    locked_until := counted.locked_until;
    RETURN NEXT;
END
$$;

-- A login that succeeded: the account's failures are forgotten. Like login_attempt, its commit does not
-- wait for the WAL flush (synchronous_commit off for this transaction): a crash may forget the last
-- fraction of a second of counts, which only fails open, and a login saves two flushes.
CREATE FUNCTION login_succeeded(account uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('synchronous_commit', 'off', true);
    DELETE FROM login_failures WHERE user_id = account;
END
$$;

-- Takes one token from the bucket of (`action`, `source`), which holds at most `capacity` tokens and
-- gains `per_second` a second. `allowed` false: the bucket was empty; `retry_after`: seconds until a token.
CREATE FUNCTION take_source_token(action text, source text, now timestamptz, capacity double precision,
                                  per_second double precision)
RETURNS TABLE (allowed boolean, retry_after double precision)
LANGUAGE plpgsql AS $$
DECLARE
    available double precision;
BEGIN
    INSERT INTO source_buckets AS b (action, source, tokens, updated_at) VALUES ($1, $2, capacity, now)
    ON CONFLICT ON CONSTRAINT source_buckets_pkey DO NOTHING;
    SELECT least(capacity, b.tokens + greatest(0, extract(epoch FROM now - b.updated_at)) * per_second)
    INTO available FROM source_buckets b WHERE b.action = $1 AND b.source = $2 FOR UPDATE;
    allowed := available >= 1;
    retry_after := CASE WHEN allowed THEN 0 ELSE (1 - available) / per_second END;
    UPDATE source_buckets b SET tokens = available - CASE WHEN allowed THEN 1 ELSE 0 END,
                                updated_at = greatest(b.updated_at, now)
    WHERE b.action = $1 AND b.source = $2;
    RETURN NEXT;
END
$$;

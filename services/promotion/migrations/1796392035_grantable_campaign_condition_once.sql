-- promotion: 1796392035_grantable_campaign_condition_once (created 2026-12-04T13:47:15Z)
-- Runs once, inside a transaction of its own; do not add BEGIN/COMMIT.
-- Applied migrations are checksummed: never edit this file after it ran anywhere, add a new one.

-- What makes a campaign grantable now, written once: open, vouchers left, inside its dates. An SQL
-- function the planner inlines, so the partial index campaigns_grantable still serves the search.
CREATE FUNCTION campaign_is_grantable(c campaigns) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT c.is_available AND c.remaining_vouchers > 0
       AND (c.starts_at IS NULL OR c.starts_at <= now()) AND (c.ends_at IS NULL OR c.ends_at > now())
$$;

-- grant_first_logins as before, with the condition above in the search and in the conditional UPDATE.
CREATE OR REPLACE FUNCTION grant_first_logins(events jsonb)
RETURNS TABLE (event_position bigint, event_outcome text)
LANGUAGE plpgsql AS $$
DECLARE
    event jsonb;
    new_event_id uuid;
    new_user_id text;
    candidate uuid;
    voucher uuid;
BEGIN
    FOR event, event_position IN SELECT value, ordinality FROM jsonb_array_elements(events) WITH ORDINALITY LOOP
        new_event_id := (event->>'event_id')::uuid;
        new_user_id := event->>'user_id';
        -- Record the event first: a duplicate (redelivered, or published twice) ends here; a
        -- concurrent copy waits on the primary key until the first one commits.
        INSERT INTO processed_events (event_id, user_id, occurred_at, outcome)
        VALUES (new_event_id, new_user_id, (event->>'occurred_at')::timestamptz, 'no_voucher')
        ON CONFLICT (event_id) DO NOTHING;
        IF NOT FOUND THEN
            event_outcome := 'duplicate';
            RETURN NEXT;
            CONTINUE;
        END IF;

        event_outcome := 'no_voucher';
        -- Grantable campaigns (open, vouchers left, inside their dates, none of this user's yet),
        -- oldest first. One emptied meanwhile takes nothing and the next is tried; a locked campaign
        -- row is waited for, never skipped, so "first N" keeps its order.
        FOR candidate IN
            SELECT c.id FROM campaigns c
            WHERE campaign_is_grantable(c)
              AND NOT EXISTS (SELECT 1 FROM vouchers v WHERE v.campaign_id = c.id AND v.user_id = new_user_id)
            ORDER BY c.created_at, c.id
        LOOP
            WITH taken AS (
                UPDATE campaigns c SET remaining_vouchers = c.remaining_vouchers - 1
                WHERE c.id = candidate AND campaign_is_grantable(c)
                RETURNING c.id, c.discount_percent, c.voucher_duration_days)
            INSERT INTO vouchers (code, campaign_id, user_id, event_id, discount_percent, expires_at)
            SELECT upper(replace(left(gen_random_uuid()::text, 13), '-', '')), taken.id, new_user_id, new_event_id,
                   taken.discount_percent, clock_timestamp() + make_interval(days => taken.voucher_duration_days)
            FROM taken
            RETURNING id INTO voucher;
            IF voucher IS NOT NULL THEN
                UPDATE processed_events p SET outcome = 'granted', voucher_id = voucher WHERE p.event_id = new_event_id;
                event_outcome := 'granted';
                EXIT;
            END IF;
        END LOOP;
        RETURN NEXT;
    END LOOP;
END
$$;

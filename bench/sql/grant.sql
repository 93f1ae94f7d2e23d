-- B4 ceiling: the transaction of VoucherStore::grant (services/promotion/voucher_store.cpp),
-- statement for statement, for a new event of a new user. Event and user ids are random uuids
-- (md5 of random numbers, computed by the server).
\set e random(1, 9223372036854775806)
\set u random(1, 9223372036854775806)
BEGIN;
INSERT INTO processed_events (event_id, user_id, occurred_at, outcome)
VALUES (md5(CAST(:e AS text))::uuid, md5(CAST(:u AS text))::uuid::text, '2026-11-28T10:00:00.000000Z', 'no_voucher')
ON CONFLICT (event_id) DO NOTHING;
SELECT id AS campaign FROM campaigns c
WHERE is_available AND remaining_vouchers > 0
  AND (starts_at IS NULL OR starts_at <= now()) AND (ends_at IS NULL OR ends_at > now())
  AND NOT EXISTS (SELECT 1 FROM vouchers v WHERE v.campaign_id = c.id AND v.user_id = md5(CAST(:u AS text))::uuid::text)
ORDER BY created_at, id \gset
WITH taken AS (
  UPDATE campaigns SET remaining_vouchers = remaining_vouchers - 1 WHERE id = :campaign
    AND is_available AND remaining_vouchers > 0
    AND (starts_at IS NULL OR starts_at <= now()) AND (ends_at IS NULL OR ends_at > now())
  RETURNING id, discount_percent, voucher_duration_days),
 voucher AS (
  INSERT INTO vouchers (code, campaign_id, user_id, event_id, discount_percent, expires_at)
  SELECT upper(replace(left(gen_random_uuid()::text, 13), '-', '')), id, md5(CAST(:u AS text))::uuid::text,
         md5(CAST(:e AS text))::uuid, discount_percent, clock_timestamp() + make_interval(days => voucher_duration_days)
  FROM taken
  RETURNING id)
UPDATE processed_events SET outcome = 'granted', voucher_id = voucher.id FROM voucher
WHERE event_id = md5(CAST(:e AS text))::uuid;
COMMIT;

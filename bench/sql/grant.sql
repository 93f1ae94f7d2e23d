-- B4 ceiling: the statement of VoucherStore::grant (services/promotion/voucher_store.cpp) for one new
-- event of a new user per transaction, as a consumer that granted event by event would run it.
-- Event and user ids are random uuids (md5 of random numbers, computed by the server).
\set e random(1, 9223372036854775806)
\set u random(1, 9223372036854775806)
SELECT event_outcome FROM grant_first_logins(jsonb_build_array(jsonb_build_object(
  'event_id', md5(CAST(:e AS text))::uuid,
  'user_id', md5(CAST(:u AS text))::uuid::text,
  'occurred_at', '2026-11-28T10:00:00.000000Z'))) ORDER BY event_position;

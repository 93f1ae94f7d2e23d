-- B2 ceiling: the SELECT of VoucherStore::list_for (services/promotion/voucher_store.cpp, with
-- pg::rfc3339_utc expanded) for a random user among the 10,000 of seed_promotion.sql.
-- One change of spelling, same output: pgbench takes :MI and :SS inside a string for variables, so
-- the format's colons are quoted literals ("T"HH24":"MI":"SS rather than "T"HH24:MI:SS).
\set i random(1, 10000)
SELECT id, code, campaign_id, discount_percent,
       to_char((issued_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24":"MI":"SS.US"Z"'),
       to_char((expires_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24":"MI":"SS.US"Z"'),
       to_char((redeemed_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24":"MI":"SS.US"Z"'),
       CASE WHEN redeemed_at IS NOT NULL THEN 'redeemed' WHEN expires_at <= now() THEN 'expired' ELSE 'active' END
FROM vouchers WHERE user_id = '00000000-0000-4000-8000-' || lpad(CAST(:i AS text), 12, '0') ORDER BY issued_at DESC, id;

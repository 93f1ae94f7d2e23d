-- One campaign large enough for every grant of the bench, and one voucher for each of the
-- :n_vouchers users of B2, whose ids are 00000000-0000-4000-8000-<12-digit number>
-- (bench/run.sh issues their tokens; list_vouchers.sql computes the same ids).
INSERT INTO campaigns (name, discount_percent, number_of_vouchers, remaining_vouchers, voucher_duration_days)
VALUES ('bench', 30, 10000000, 10000000 - :n_vouchers, 30);

INSERT INTO vouchers (code, campaign_id, user_id, event_id, discount_percent, expires_at)
SELECT upper(replace(left(gen_random_uuid()::text, 13), '-', '')), c.id,
       '00000000-0000-4000-8000-' || lpad(i::text, 12, '0'), gen_random_uuid(), 30, now() + interval '30 days'
FROM campaigns c, generate_series(1, :n_vouchers) i;

ANALYZE campaigns, vouchers;

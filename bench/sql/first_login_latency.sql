-- B5: for the vouchers granted to first logins made since :'since' (the users service's
-- first_login_at, carried by the event as occurred_at), the delay voucher issued_at - occurred_at:
-- count, p50, p99, max in ms.
SELECT count(*),
       round(1000 * percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM v.issued_at - p.occurred_at))::numeric, 1),
       round(1000 * percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM v.issued_at - p.occurred_at))::numeric, 1),
       round(1000 * max(extract(epoch FROM v.issued_at - p.occurred_at)), 1)
FROM processed_events p JOIN vouchers v ON v.id = p.voucher_id
WHERE p.occurred_at >= :'since'::timestamptz;

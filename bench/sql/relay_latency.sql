-- B5, the users side: for the first logins since :'since', the delay from first_login_at to the
-- outbox row's published_at (the relay's confirmed publish): p50, p99 in ms.
SELECT round(1000 * percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - occurred_at))::numeric, 1),
       round(1000 * percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - occurred_at))::numeric, 1)
FROM outbox WHERE occurred_at >= :'since'::timestamptz AND published_at IS NOT NULL;

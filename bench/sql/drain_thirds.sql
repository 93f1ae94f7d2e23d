-- B4: the consumer's start (:t0, µs since the epoch) and the moments (µs) its grants reached one
-- third, two thirds and all of the :n events processed since then (rounded down to a multiple
-- of 3), one a line.
SELECT :t0
UNION ALL
SELECT (extract(epoch FROM processed_at) * 1000000)::bigint
FROM (SELECT processed_at, row_number() OVER (ORDER BY processed_at) AS k
      FROM processed_events WHERE processed_at >= to_timestamp(:t0 / 1000000.0)) AS grants
WHERE k IN (:n / 3, 2 * (:n / 3), 3 * (:n / 3))
ORDER BY 1;

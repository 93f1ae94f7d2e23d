# shellcheck shell=bash
# B4: the consumer drains B4_EVENTS preloaded first-login events with --tasks 1, 8, 64: grants per
# second from its start to the last grant, against pgbench running the grant transaction with as
# many clients as tasks (RUNS runs); the broker's own rate at that prefetch is shown beside it. One drain per tasks value, capped at B4_CAP seconds (20,000
# events take 1 to 4 minutes here); its range is that of its thirds (the rate in each third).

# drain TASKS -> sets GRANTS_PER_S, THIRDS (the rate in each third of the grants) and DRAINED:
# publish B4_EVENTS, start the consumer, wait until it processed them all or B4_CAP seconds passed
# (then the rest is purged: the rate is that of the grants made until then).
drain() {
  local tasks=$1 before t0 t_pub deadline n=0
  t_pub=$(now_ms)
  "$TOOLS/bench_publish" "$MQ_URI" promotion 5 "$B4_EVENTS" >/dev/null || die "bench_publish failed"
  say "published $B4_EVENTS events in $(($(now_ms) - t_pub)) ms"
  before=$(sql promotion -c 'SELECT count(*) FROM processed_events')
  t0=$(now_us)
  start_consumer "$tasks"
  deadline=$((SECONDS + B4_CAP))
  while ((n < B4_EVENTS && SECONDS < deadline)); do
    kill -0 "${PID_OF[consumer]}" 2>/dev/null || die "B4: the consumer exited (log: $WORK/logs/consumer.out)"
    sleep 0.2
    n=$(($(sql promotion -c 'SELECT count(*) FROM processed_events') - before))
  done
  stop consumer "B4 tasks=$tasks"
  n=$(($(sql promotion -c 'SELECT count(*) FROM processed_events') - before))
  DRAINED=$n
  if ((n < B4_EVENTS)); then
    say "B4: $n of $B4_EVENTS events processed in ${B4_CAP} s; purging the rest"
    "$ROOT/scripts/stack.sh" mqctl bench -q purge_queue promotion >/dev/null
  fi
  ((n >= 3)) || die "B4: the consumer processed $n events"
  # The clocks of the grants themselves (processed_at), not of the polls: the same system clock as t0.
  local times k
  mapfile -t times < <(sql promotion -v t0="$t0" -v n="$n" -f "$ROOT/bench/sql/drain_thirds.sql")
  GRANTS_PER_S=$(awk -v n=$((3 * (n / 3))) -v us=$((times[3] - t0)) 'BEGIN { printf "%.1f", n / (us / 1e6) }')
  THIRDS=()
  for k in 1 2 3; do
    THIRDS+=("$(awk -v n="$n" -v us=$((times[k] - times[k - 1])) 'BEGIN { printf "%.1f", int(n / 3) / (us / 1e6) }')")
  done
}

# broker_alone TASKS -> sets BROKER_RATE: RabbitMQ's own delivery rate with prefetch TASKS and an
# immediate ack per message (bench_drain, no database) over B4_BROKER_EVENTS preloaded events.
broker_alone() {
  "$TOOLS/bench_publish" "$MQ_URI" promotion 5 "$B4_BROKER_EVENTS" >/dev/null || die "bench_publish failed"
  read -r BROKER_RATE _ < <("$TOOLS/bench_drain" "$MQ_URI" promotion 5 "$1" "$B4_BROKER_EVENTS") ||
    die "bench_drain failed"
}

scenario_b4() {
  local tasks r ceil at_tasks third_ratios ceiling
  best_clients b4-grant promotion grant.sql
  for tasks in 1 8 64; do
    say "B4 consumer --tasks $tasks"
    drain "$tasks"
    ceil=() at_tasks=()
    for ((r = 1; r <= RUNS; r++)); do
      pgbench_run "b4-grant-$tasks" promotion "$tasks" "$SECS" grant.sql
      at_tasks+=("$PGB_TPS")
      pgbench_run "b4-grant-best" promotion "$BEST_CLIENTS" "$SECS" grant.sql
      ceil+=("$PGB_TPS")
    done
    ceiling=$(median "${ceil[@]}")
    broker_alone "$tasks"
    third_ratios=()
    for r in "${THIRDS[@]}"; do third_ratios+=("$(div "$r" "$ceiling")"); done
    add_row "B4 consumer \`--tasks $tasks\`, $B4_EVENTS events preloaded" \
      "$(fmt %.0f "$GRANTS_PER_S") grants/s over $DRAINED grants (thirds: $(printf '%.0f ' "${THIRDS[@]}" | sed 's/ $//; s/ /, /g'))" \
      "pgbench -M prepared, grant transaction, best c=$BEST_CLIENTS: $(fmt %.0f "$ceiling") tx/s (c=$tasks: $(fmt %.0f "$(median "${at_tasks[@]}")"); RabbitMQ alone, prefetch $tasks: $(fmt %.0f "$BROKER_RATE") msg/s)" \
      "$(fmt %.2f "$(div "$GRANTS_PER_S" "$ceiling")") ($(range "${third_ratios[@]}"))" \
      "≥ 1.0: $(verdict "$(div "$GRANTS_PER_S" "$ceiling")" ge 1.0)" "—" "—" "$(peak_cell "B4 tasks=$tasks")"
  done
  local dead
  dead=$("$ROOT/scripts/stack.sh" mqctl bench -q list_queues name messages 2>/dev/null |
    awk '$1 == "promotion.dead" { print $2 }')
  [[ ${dead:-0} == 0 ]] || say "warning: B4 left $dead messages in promotion.dead"
}

# shellcheck shell=bash
# B2: GET /vouchers with the tokens of 10,000 users who hold a voucher, wrk c = 50, against pgbench
# running the service's SELECT prepared, at the client count where it is fastest (and, shown beside it,
# at the service's pool size); CPU per request of the service and of PostgreSQL from /proc.

B2_P99S=()   # for B3b

scenario_b2() {
  say "B2 GET /vouchers"
  local url="http://127.0.0.1:$PROMOTION_PORT/vouchers"
  start_promotion
  sleep 0.5
  note_idle promotion
  wrk_run b2-warmup 50 1 "$url" vouchers.lua TOKENS="$WORK/tokens.txt"

  best_clients b2-select promotion list_vouchers.sql
  local r ours=() ceil=() at_pool=() ratios=() p50s=() cpu_ours=() cpu_pg=() t0 t1 p0 p1
  for ((r = 1; r <= RUNS; r++)); do
    t0=$(cpu_ticks "${PID_OF[promotion]}") p0=$(cpu_ticks "$(postmaster_pid)")
    wrk_run b2-promotion 50 "$SECS" "$url" vouchers.lua TOKENS="$WORK/tokens.txt"
    t1=$(cpu_ticks "${PID_OF[promotion]}") p1=$(cpu_ticks "$(postmaster_pid)")
    ours+=("$WRK_RPS") p50s+=("$WRK_P50") B2_P99S+=("$WRK_P99")
    cpu_ours+=("$(cpu_us_per_request $((t1 - t0)) "$WRK_RPS" "$SECS")")
    cpu_pg+=("$(cpu_us_per_request $((p1 - p0)) "$WRK_RPS" "$SECS")")
    pgbench_run b2-select-pool promotion "$DB_POOL_SIZE" "$SECS" list_vouchers.sql
    at_pool+=("$PGB_TPS")
    pgbench_run b2-select-best promotion "$BEST_CLIENTS" "$SECS" list_vouchers.sql
    ceil+=("$PGB_TPS")
    ratios+=("$(div "${ours[-1]}" "$PGB_TPS")")
  done
  say "B2 CPU per request: promotion-service $(median "${cpu_ours[@]}") µs, PostgreSQL $(median "${cpu_pg[@]}") µs"
  stop promotion B2
  add_row "B2 \`GET /vouchers\` (promotion), 10,000 users, wrk c=50" \
    "$(fmt %.0f "$(median "${ours[@]}")") req/s" \
    "pgbench -M prepared, its SELECT, best c=$BEST_CLIENTS: $(fmt %.0f "$(median "${ceil[@]}")") tx/s (c=$DB_POOL_SIZE, the pool: $(fmt %.0f "$(median "${at_pool[@]}")")); CPU per request: service $(median "${cpu_ours[@]}") µs, PostgreSQL $(median "${cpu_pg[@]}") µs" \
    "$(ratio_cell "${ratios[@]}")" "≥ 0.5: $(verdict "$(median "${ratios[@]}")" ge 0.5)" \
    "$(fmt '%.2f ms' "$(median "${p50s[@]}")")" "$(fmt '%.2f ms' "$(median "${B2_P99S[@]}")")" "$(peak_cell B2)"
}

# shellcheck shell=bash
# B2: GET /vouchers with the tokens of 10,000 users who hold a voucher, wrk c = 50, against
# pgbench running the service's SELECT with clients = the service's pool size.

B2_P99S=()   # for B3b

scenario_b2() {
  say "B2 GET /vouchers"
  local url="http://127.0.0.1:$PROMOTION_PORT/vouchers"
  start_promotion
  sleep 0.5
  note_idle promotion
  wrk_run b2-warmup 50 1 "$url" vouchers.lua TOKENS="$WORK/tokens.txt"

  local r ours=() ceil=() ratios=() p50s=()
  for ((r = 1; r <= RUNS; r++)); do
    wrk_run b2-promotion 50 "$SECS" "$url" vouchers.lua TOKENS="$WORK/tokens.txt"
    ours+=("$WRK_RPS") p50s+=("$WRK_P50") B2_P99S+=("$WRK_P99")
    pgbench_run b2-select promotion "$DB_POOL_SIZE" "$SECS" list_vouchers.sql
    ceil+=("$PGB_TPS")
    ratios+=("$(div "${ours[-1]}" "$PGB_TPS")")
  done
  stop promotion B2
  add_row "B2 \`GET /vouchers\` (promotion), 10,000 users, wrk c=50" \
    "$(fmt %.0f "$(median "${ours[@]}")") req/s" \
    "pgbench, its SELECT, c=$DB_POOL_SIZE: $(fmt %.0f "$(median "${ceil[@]}")") tx/s" \
    "$(ratio_cell "${ratios[@]}")" "≥ 0.5: $(verdict "$(median "${ratios[@]}")" ge 0.5)" \
    "$(fmt '%.2f ms' "$(median "${p50s[@]}")")" "$(fmt '%.2f ms' "$(median "${B2_P99S[@]}")")" "$(peak_cell B2)"
}

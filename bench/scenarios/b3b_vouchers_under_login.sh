# shellcheck shell=bash
# B3b: GET /vouchers (as in B2) while login is saturated (as in B3): its p99 against B2's p99; and, for
# the reader, the reads' p99 beside the Argon2id ceiling program alone.

scenario_b3b() {
  say "B3b GET /vouchers while login is saturated"
  ((${#B2_P99S[@]})) || die "B3b needs B2's p99: run b2 first"
  local login="http://127.0.0.1:$USERS_PORT/users/login" vouchers="http://127.0.0.1:$PROMOTION_PORT/vouchers"
  start_users
  start_promotion
  wrk_run b3b-warmup 50 1 "$vouchers" vouchers.lua TOKENS="$WORK/tokens.txt"

  local r pid b2_p99 ours=() ratios=() p50s=() rps=() beside_argon2=()
  b2_p99=$(median "${B2_P99S[@]}")
  for ((r = 1; r <= RUNS; r++)); do
    wrk_run b3b-login "$LOGIN_CONNS" $((SECS + 2)) "$login" login.lua \
      LOGIN_USERS="$LOGIN_USERS" PASSWORD="$PASSWORD" &
    pid=$!
    sleep 1
    wrk_run b3b-vouchers 50 "$SECS" "$vouchers" vouchers.lua TOKENS="$WORK/tokens.txt"
    ours+=("$WRK_P99") p50s+=("$WRK_P50") rps+=("$WRK_RPS")
    ratios+=("$(div "$WRK_P99" "$b2_p99")")
    wait "$pid" || die "the login load of B3b failed (log: $WORK/logs/wrk-b3b-login.log)"
    # The same reads beside Argon2id alone (the ceiling program at the hashing pool's niceness, no login
    # path): what the hashing itself, sharing the cores, does to the reads' tail on this machine.
    nice -n 10 "$TOOLS/bench_argon2" verify "$HASH_THREADS" $((SECS + 2)) >/dev/null &
    pid=$!
    sleep 1
    wrk_run b3b-beside-argon2 50 "$SECS" "$vouchers" vouchers.lua TOKENS="$WORK/tokens.txt"
    beside_argon2+=("$WRK_P99")
    wait "$pid" || die "bench_argon2 failed beside B3b's reads"
  done
  stop users B3b
  stop promotion B3b
  add_row "B3b \`GET /vouchers\` p99 while B3 saturates login" \
    "p99 $(fmt '%.2f ms' "$(median "${ours[@]}")") ($(fmt %.0f "$(median "${rps[@]}")") req/s)" \
    "B2 p99 alone: $(fmt '%.2f ms' "$b2_p99"); beside bench_argon2 (nice 10, no login path): p99 $(fmt '%.2f ms' "$(median "${beside_argon2[@]}")")" \
    "$(ratio_cell "${ratios[@]}")" "≤ 2: $(verdict "$(median "${ratios[@]}")" le 2)" \
    "$(fmt '%.2f ms' "$(median "${p50s[@]}")")" "$(fmt '%.2f ms' "$(median "${ours[@]}")")" "$(peak_cell B3b)"
}

# shellcheck shell=bash
# B3: POST /users/login of returning users, wrk c = 16, against bench_argon2 verifying the same
# Argon2id hash on HASH_THREADS threads (what each login must do at least once).

LOGIN_CONNS=16
B3_CEILINGS=()   # Argon2id verify rates, for B5

scenario_b3() {
  say "B3 POST /users/login"
  local url="http://127.0.0.1:$USERS_PORT/users/login"
  start_users
  wrk_run b3-warmup "$LOGIN_CONNS" 1 "$url" login.lua LOGIN_USERS="$LOGIN_USERS" PASSWORD="$PASSWORD"

  local r ours=() ceil=() ratios=() p50s=() p99s=()
  for ((r = 1; r <= RUNS; r++)); do
    wrk_run b3-login "$LOGIN_CONNS" "$SECS" "$url" login.lua LOGIN_USERS="$LOGIN_USERS" PASSWORD="$PASSWORD"
    ours+=("$WRK_RPS") p50s+=("$WRK_P50") p99s+=("$WRK_P99")
    read -r rate _ < <("$TOOLS/bench_argon2" verify "$HASH_THREADS" "$SECS")
    ceil+=("$rate") B3_CEILINGS+=("$rate")
    ratios+=("$(div "${ours[-1]}" "$rate")")
  done
  stop users B3
  add_row "B3 \`POST /users/login\`, wrk c=$LOGIN_CONNS" \
    "$(fmt %.1f "$(median "${ours[@]}")") req/s" \
    "Argon2id verify, $HASH_THREADS threads: $(fmt %.1f "$(median "${ceil[@]}")")/s" \
    "$(ratio_cell "${ratios[@]}")" "≥ 0.9: $(verdict "$(median "${ratios[@]}")" ge 0.9)" \
    "$(fmt '%.1f ms' "$(median "${p50s[@]}")")" "$(fmt '%.1f ms' "$(median "${p99s[@]}")")" "$(peak_cell B3)"
}

# shellcheck shell=bash
# B6: POST /users/register of new users, wrk c = 16, against bench_argon2 hashing on
# HASH_THREADS threads (each registration hashes once).

scenario_b6() {
  say "B6 POST /users/register"
  local url="http://127.0.0.1:$USERS_PORT/users/register"
  start_users
  wrk_run b6-warmup "$LOGIN_CONNS" 1 "$url" register.lua RUN_ID=0 PASSWORD="$PASSWORD"

  local r ours=() ceil=() ratios=() p50s=() p99s=()
  for ((r = 1; r <= RUNS; r++)); do
    wrk_run b6-register "$LOGIN_CONNS" "$SECS" "$url" register.lua RUN_ID="$r" PASSWORD="$PASSWORD"
    ours+=("$WRK_RPS") p50s+=("$WRK_P50") p99s+=("$WRK_P99")
    read -r rate _ < <("$TOOLS/bench_argon2" hash "$HASH_THREADS" "$SECS")
    ceil+=("$rate")
    ratios+=("$(div "${ours[-1]}" "$rate")")
  done
  stop users B6
  add_row "B6 \`POST /users/register\`, wrk c=$LOGIN_CONNS" \
    "$(fmt %.1f "$(median "${ours[@]}")") req/s" \
    "Argon2id hash, $HASH_THREADS threads: $(fmt %.1f "$(median "${ceil[@]}")")/s" \
    "$(ratio_cell "${ratios[@]}")" "≥ 0.9: $(verdict "$(median "${ratios[@]}")" ge 0.9)" \
    "$(fmt '%.1f ms' "$(median "${p50s[@]}")")" "$(fmt '%.1f ms' "$(median "${p99s[@]}")")" "$(peak_cell B6)"
}

# shellcheck shell=bash
# B1: GET /healthz of users-service against nginx-light answering the same bytes, wrk c = 50.

# The answer without its Date header: status line, content-type, body.
answer_of() {
  curl -s -i "http://127.0.0.1:$1/healthz" | tr -d '\r' |
    awk 'NR == 1 || tolower($1) == "content-type:" || /^\{/'
}

scenario_b1() {
  say "B1 GET /healthz"
  start_users
  sleep 0.5
  note_idle users
  start_nginx
  if [[ $(answer_of "$USERS_PORT") != "$(answer_of "$NGINX_PORT")" ]]; then
    say "warning: nginx does not answer the same bytes as users-service:"
    diff <(answer_of "$USERS_PORT") <(answer_of "$NGINX_PORT") >&2 || true
  fi
  wrk_run b1-warmup 50 1 "http://127.0.0.1:$USERS_PORT/healthz" healthz.lua
  wrk_run b1-warmup 50 1 "http://127.0.0.1:$NGINX_PORT/healthz" healthz.lua

  local r ours=() ceil=() ratios=() p50s=() p99s=() cpu_ours=() cpu_nginx=() t0 t1
  for ((r = 1; r <= RUNS; r++)); do
    t0=$(cpu_ticks "${PID_OF[users]}")
    wrk_run b1-users 50 "$SECS" "http://127.0.0.1:$USERS_PORT/healthz" healthz.lua
    t1=$(cpu_ticks "${PID_OF[users]}")
    ours+=("$WRK_RPS") p50s+=("$WRK_P50") p99s+=("$WRK_P99")
    cpu_ours+=("$(cpu_us_per_request $((t1 - t0)) "$WRK_RPS" "$SECS")")
    t0=$(cpu_ticks "${PID_OF[nginx]}")
    wrk_run b1-nginx 50 "$SECS" "http://127.0.0.1:$NGINX_PORT/healthz" healthz.lua
    t1=$(cpu_ticks "${PID_OF[nginx]}")
    ceil+=("$WRK_RPS")
    cpu_nginx+=("$(cpu_us_per_request $((t1 - t0)) "$WRK_RPS" "$SECS")")
    ratios+=("$(div "${ours[-1]}" "$WRK_RPS")")
  done
  say "B1 CPU per request: users-service $(median "${cpu_ours[@]}") µs, nginx $(median "${cpu_nginx[@]}") µs"
  stop users B1
  stop nginx
  add_row "B1 \`GET /healthz\` (users), wrk c=50" \
    "$(fmt %.0f "$(median "${ours[@]}")") req/s" "nginx-light: $(fmt %.0f "$(median "${ceil[@]}")") req/s; CPU per request: service $(median "${cpu_ours[@]}") µs, nginx $(median "${cpu_nginx[@]}") µs" \
    "$(ratio_cell "${ratios[@]}")" "≥ 1.0: $(verdict "$(median "${ratios[@]}")" ge 1.0)" \
    "$(fmt '%.2f ms' "$(median "${p50s[@]}")")" "$(fmt '%.2f ms' "$(median "${p99s[@]}")")" "$(peak_cell B1)"
}

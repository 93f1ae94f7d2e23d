# shellcheck shell=bash
# B5: first logins at a steady 100 per second for B5_SECS; for each, the delay from first_login_at
# (users' database) to the voucher's issued_at (promotion's): outbox, relay, broker, consumer.
# When B3 ran, again at half of B3's Argon2id ceiling: on a machine where 100 logins/s exceed what
# Argon2id allows, the first row measures an overloaded users-service, the second the pipeline.


# first_logins RATE BASE: one B5 measurement, users first<BASE + 1>... ; adds its row.
first_logins() {
  local rate=$1 base=$2 since logins previous=-1 count p50 p99 max deadline
  start_users
  start_consumer "$CONSUMER_TASKS"
  sleep 1   # the consumer's connection and queue declaration
  note_idle consumer
  since=$(sql users -c "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
  wrk_run "b5-first-login-$rate" 20 "$B5_SECS" "http://127.0.0.1:$USERS_PORT/users/login" first_login.lua \
    RATE="$rate" THREADS=2 FIRST_BASE="$base" FIRST_USERS=$((FIRST_USERS / 2)) PASSWORD="$PASSWORD"
  local login_rps=$WRK_RPS login_p99=$WRK_P99 refused=$WRK_BAD
  deadline=$((SECONDS + 30))
  # Logins still queued when wrk stopped finish afterwards: count them until the number holds still.
  while :; do
    logins=$(sql users -c "SELECT count(*) FROM users WHERE first_login_at >= '$since'")
    read -r count p50 p99 max < <(sql promotion -F ' ' -v since="$since" -f "$ROOT/bench/sql/first_login_latency.sql")
    ((count >= logins && logins == previous)) && break
    previous=$logins
    ((SECONDS < deadline)) || { say "warning: B5: $count vouchers for $logins first logins after 30 s"; break; }
    sleep 0.2
  done
  local relay_p50 relay_p99
  read -r relay_p50 relay_p99 < <(sql users -F ' ' -v since="$since" -f "$ROOT/bench/sql/relay_latency.sql")
  stop users "B5 $rate/s"
  stop consumer "B5 $rate/s"
  add_row "B5 first login → voucher, $rate first logins/s offered for ${B5_SECS} s (consumer TASKS=$CONSUMER_TASKS)" \
    "$count vouchers for $logins first logins ($(fmt %.1f "$login_rps") answers/s, $refused of them not 2xx (503: hashing queue full), login p99 $(fmt '%.0f ms' "$login_p99")); of which login → published by the relay: p50 $(fmt '%.1f ms' "$relay_p50"), p99 $(fmt '%.1f ms' "$relay_p99")" \
    "—" "max $(fmt '%.1f ms' "$max")" "p99 ≤ 100 ms: $(verdict "$p99" le 100)" \
    "$(fmt '%.1f ms' "$p50")" "$(fmt '%.1f ms' "$p99")" "$(peak_cell "B5 $rate/s")"
}

scenario_b5() {
  say "B5 first login -> voucher at 100 first logins/s for ${B5_SECS} s"
  first_logins 100 0
  if ((${#B3_CEILINGS[@]})); then
    local half
    half=$(awk -v c="$(median "${B3_CEILINGS[@]}")" 'BEGIN { printf "%d", c / 2 }')
    if ((half >= 1 && half < 100)); then
      say "B5 again at $half first logins/s (half of B3's Argon2id ceiling)"
      first_logins "$half" $((FIRST_USERS / 2))
    fi
  fi
}

#!/usr/bin/env bash
# `make bench-cluster`: the price of the cluster. The same three figures, first on one node (the bench
# stack: one PostgreSQL, one RabbitMQ) and then on the cluster (scripts/cluster.sh, profile cluster-bench:
# PostgreSQL under Patroni with a synchronous standby, three RabbitMQ nodes with quorum queues of 3), with
# one users-service and one consumer on the same ports each time:
#   login        POST /users/login of returning users, wrk c=16 for SECS: answers/s and p99
#   first login  first logins at RATE/s for SECS, each one's delay first_login_at -> voucher issued_at: p99
#   grants       GRANTS first-login events put in the outbox at once, relayed and granted: grants/s
# Writes bench/results/cluster.md and prints it (about 3 minutes). Everything it starts is stopped on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
BUILD=$ROOT/build/release
TOOLS=$BUILD/bench/tools
WORK=$ROOT/.run/bench/cluster
RESULTS=$BENCH/results/cluster.md
SECS=${BENCH_SECS:-8} RATE=30 GRANTS=2000
CORES=$(nproc)
WORKERS=4 DB_POOL_SIZE=8 HASH_THREADS=$CORES
USERS_PORT=23500 CONSUMER_METRICS_PORT=23502
PASSWORD='bench password 123'
LOGIN_USERS=1000 FIRST_USERS=$((RATE * SECS * 2)) GRANT_USERS=$GRANTS

# shellcheck source=bench/lib/common.sh
source "$BENCH/lib/common.sh"
# shellcheck source=bench/lib/procs.sh
source "$BENCH/lib/procs.sh"
# shellcheck source=bench/lib/load.sh
source "$BENCH/lib/load.sh"
# shellcheck source=bench/lib/services.sh
source "$BENCH/lib/services.sh"

USERS_BIN=$BUILD/services/users/users-service
PROMOTION_BIN=$BUILD/services/promotion/promotion-service
declare -A FIGURES=()   # "target figure" -> text
STACK_STARTED=0 CLUSTER_STARTED=0

finish() {
  local rc=$?
  trap - EXIT INT TERM
  stop_all
  ((STACK_STARTED == 0)) || "$ROOT/scripts/stack.sh" stop bench >&2 || true
  ((CLUSTER_STARTED == 0)) || "$ROOT/scripts/cluster.sh" stop cluster-bench >&2 || true
  ((rc == 0)) || say "failed (exit $rc); logs in $WORK/logs"
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM

# Migrations, the users (one Argon2id hash: login<i> returning, first<i> and grant<i> new) and a campaign
# with vouchers for every grant.
seed_target() {
  local hash
  run_service -- "$USERS_BIN" migrate || die "users migrate failed (log: $WORK/logs/commands.log)"
  run_service -- "$PROMOTION_BIN" migrate || die "promotion migrate failed (log: $WORK/logs/commands.log)"
  hash=$("$TOOLS/bench_argon2" phc "$PASSWORD")
  sql users -v hash="$hash" -v n_login="$LOGIN_USERS" -v n_first="$((FIRST_USERS + GRANT_USERS))" \
    -f "$ROOT/bench/sql/seed_users.sql" >/dev/null
  sql promotion -v n_vouchers=0 -f "$ROOT/bench/sql/seed_promotion.sql" >/dev/null
}

measure_login() {
  start_users
  wrk_run "$1-login-warmup" 16 1 "http://127.0.0.1:$USERS_PORT/users/login" login.lua \
    LOGIN_USERS="$LOGIN_USERS" PASSWORD="$PASSWORD"
  wrk_run "$1-login" 16 "$SECS" "http://127.0.0.1:$USERS_PORT/users/login" login.lua \
    LOGIN_USERS="$LOGIN_USERS" PASSWORD="$PASSWORD"
  FIGURES[$1 login]="$(fmt %.1f "$WRK_RPS")/s, p99 $(fmt '%.0f ms' "$WRK_P99")"
}

# first1..first<RATE * SECS> at RATE/s (users-service and the consumer running).
measure_first_login() {
  local since count p50 p99 logins previous=-1 deadline
  since=$(sql users -c "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
  wrk_run "$1-first-login" 20 "$SECS" "http://127.0.0.1:$USERS_PORT/users/login" first_login.lua \
    RATE="$RATE" THREADS=2 FIRST_BASE=0 FIRST_USERS="$FIRST_USERS" PASSWORD="$PASSWORD"
  deadline=$((SECONDS + 30))
  while :; do
    logins=$(sql users -c "SELECT count(*) FROM users WHERE first_login_at >= '$since'")
    read -r count p50 p99 _ < <(sql promotion -F ' ' -v since="$since" -f "$ROOT/bench/sql/first_login_latency.sql")
    ((count >= logins && logins == previous)) && break
    previous=$logins
    ((SECONDS < deadline)) || { say "warning: $count vouchers for $logins first logins after 30 s"; break; }
    sleep 0.2
  done
  FIGURES[$1 first]="p50 $(fmt '%.0f ms' "$p50"), p99 $(fmt '%.0f ms' "$p99") ($count of $logins first logins)"
}

# GRANTS events written to the outbox in one transaction: the relay publishes them, the consumer grants.
measure_grants() {
  local n=0 rate deadline=$((SECONDS + 120)) before
  before=$(sql promotion -c "SELECT count(*) FROM processed_events")
  sql users -c "WITH g AS (SELECT id, username FROM users WHERE first_login_at IS NULL AND username LIKE 'first%'
      ORDER BY id LIMIT $GRANTS), s AS (UPDATE users u SET first_login_at = now() FROM g WHERE u.id = g.id RETURNING u.id)
    INSERT INTO outbox (user_id, user_identifier, occurred_at) SELECT id, username, now() FROM g" >/dev/null
  while ((n < GRANTS && SECONDS < deadline)); do
    sleep 0.5
    n=$(($(sql promotion -c "SELECT count(*) FROM processed_events") - before))
  done
  rate=$(sql promotion -c "SELECT round(count(*) / extract(epoch FROM max(processed_at) - min(processed_at))::numeric, 0)
    FROM (SELECT processed_at FROM processed_events ORDER BY processed_at DESC LIMIT $n) p")
  FIGURES[$1 grants]="$rate grants/s ($n of $GRANTS events)"
}

run_target() { # single | cluster
  say "== $1"
  seed_target
  measure_login "$1"
  start_consumer 4
  measure_first_login "$1"
  measure_grants "$1"
  stop users
  stop consumer
}

write_results() {
  mkdir -p "$(dirname "$RESULTS")"
  {
    echo "# The price of the cluster"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(git -C "$ROOT" rev-parse --short HEAD); $CORES cores; one users-service" \
      "(WORKERS=$WORKERS, HASH_THREADS=$HASH_THREADS) and one consumer (TASKS=4) on each; ${SECS} s per figure."
    echo
    echo "| figure | one node | cluster (sync standby, quorum queues of 3) |"
    echo "|---|---|---|"
    echo "| login (returning users), wrk c=16 | ${FIGURES[single login]} | ${FIGURES[cluster login]} |"
    echo "| first login → voucher, $RATE first logins/s | ${FIGURES[single first]} | ${FIGURES[cluster first]} |"
    echo "| grants, $GRANTS events through relay and consumer | ${FIGURES[single grants]} | ${FIGURES[cluster grants]} |"
  } >"$RESULTS"
  cat "$RESULTS"
}

main() {
  cd "$ROOT"
  "$BENCH/install-tools.sh"
  say "building: the release services and bench_argon2"
  mkdir -p "$ROOT/.run"
  { cmake --preset release && cmake --build --preset release --target users-service promotion-service bench_argon2; } \
    >"$ROOT/.run/bench-build.log" 2>&1 ||
    { tail -n 30 "$ROOT/.run/bench-build.log" >&2; die "build failed (log: .run/bench-build.log)"; }
  "$ROOT/scripts/keys.sh" >/dev/null
  rm -rf "$WORK"
  mkdir -p "$WORK/logs"
  STARTED_FILE=$WORK/started.pids
  : >"$STARTED_FILE"

  "$ROOT/scripts/stack.sh" reset bench >&2
  STACK_STARTED=1
  "$ROOT/scripts/stack.sh" start bench >&2
  eval "$("$ROOT/scripts/stack.sh" env bench)"
  run_target single
  "$ROOT/scripts/stack.sh" stop bench >&2

  "$ROOT/scripts/cluster.sh" reset cluster-bench >&2
  CLUSTER_STARTED=1
  "$ROOT/scripts/cluster.sh" start cluster-bench >&2
  eval "$("$ROOT/scripts/cluster.sh" env cluster-bench)"
  run_target cluster
  write_results
}

main

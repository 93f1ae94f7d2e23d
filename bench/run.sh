#!/usr/bin/env bash
# The benchmark (docs/benchmarks.md): builds the release binaries and the bench tools, starts a
# fresh `bench` stack (PostgreSQL 23432, RabbitMQ 23672), seeds it, runs scenarios B1..B7, prints
# the table and writes it to bench/results/latest.md. Everything it starts is stopped on exit.
#   bench/run.sh            3 runs of each figure, 5 s each (under 10 minutes)
#   bench/run.sh --quick    1 run, 2 s each, B4 5,000 events for at most 8 s (under 2 minutes)
#   BENCH_ONLY="b1 b2" bench/run.sh --quick    a subset (for working on the bench itself)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
BUILD=$ROOT/build/release
TOOLS=$BUILD/bench/tools
WORK=$ROOT/.run/bench/work
RESULTS=$BENCH/results/latest.md

MODE=full RUNS=3 SECS=5 B4_EVENTS=20000 B4_CAP=45 B4_BROKER_EVENTS=3000 B5_SECS=20
case "${1:-}" in
  --quick) MODE=quick RUNS=1 SECS=2 B4_EVENTS=5000 B4_CAP=8 B4_BROKER_EVENTS=1000 B5_SECS=4 ;;
  "") ;;
  *) echo "usage: bench/run.sh [--quick]" >&2; exit 2 ;;
esac
ONLY=${BENCH_ONLY:-b1 b2 b3 b3b b6 b4 b5 b7}

# The settings under test: the services' defaults, made explicit (they size the ceilings).
CORES=$(nproc)
WORKERS=$CORES DB_POOL_SIZE=8 HASH_THREADS=$CORES CONSUMER_TASKS=4
# Every port below Linux's ephemeral range (32768-60999), as listed in README "Ports".
USERS_PORT=23500 PROMOTION_PORT=23501 CONSUMER_METRICS_PORT=23502 NGINX_PORT=23580
PASSWORD='bench password 123'
B2_USERS=10000 LOGIN_USERS=1000 FIRST_USERS=$((2 * 100 * B5_SECS * 12 / 10))

# shellcheck source=bench/lib/common.sh
source "$BENCH/lib/common.sh"
# shellcheck source=bench/lib/procs.sh
source "$BENCH/lib/procs.sh"
# shellcheck source=bench/lib/load.sh
source "$BENCH/lib/load.sh"
# shellcheck source=bench/lib/report.sh
source "$BENCH/lib/report.sh"
# shellcheck source=bench/lib/seed.sh
source "$BENCH/lib/seed.sh"
# shellcheck source=bench/lib/services.sh
source "$BENCH/lib/services.sh"
# shellcheck source=bench/scenarios/b1_healthz.sh
source "$BENCH/scenarios/b1_healthz.sh"
# shellcheck source=bench/scenarios/b2_vouchers.sh
source "$BENCH/scenarios/b2_vouchers.sh"
# shellcheck source=bench/scenarios/b3_login.sh
source "$BENCH/scenarios/b3_login.sh"
# shellcheck source=bench/scenarios/b3b_vouchers_under_login.sh
source "$BENCH/scenarios/b3b_vouchers_under_login.sh"
# shellcheck source=bench/scenarios/b4_consumer.sh
source "$BENCH/scenarios/b4_consumer.sh"
# shellcheck source=bench/scenarios/b5_first_login_to_voucher.sh
source "$BENCH/scenarios/b5_first_login_to_voucher.sh"
# shellcheck source=bench/scenarios/b6_register.sh
source "$BENCH/scenarios/b6_register.sh"
# shellcheck source=bench/scenarios/b7_memory_and_start.sh
source "$BENCH/scenarios/b7_memory_and_start.sh"

T_START=$(now_ms)
STACK_STARTED=0

finish() {
  local rc=$?
  trap - EXIT INT TERM
  stop_all
  if ((STACK_STARTED)); then "$ROOT/scripts/stack.sh" stop bench >&2 || true; fi
  if [[ -f $WORK/rows.tsv ]]; then
    write_results "$rc"
    cat "$RESULTS"
  fi
  ((rc == 0)) || say "failed (exit $rc); logs in $WORK/logs"
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM

write_results() {
  local rc=$1 took=$((($(now_ms) - T_START) / 1000))
  mkdir -p "$(dirname "$RESULTS")"
  {
    echo "# Benchmark results ($MODE)"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo '+changes');" \
      "$CORES × $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo);" \
      "load average at start $LOAD_AT_START; took ${took} s$( ((rc == 0)) || echo ", FAILED (exit $rc): partial")."
    echo "$RUNS run(s) of ${SECS} s per figure; B4 $B4_EVENTS events preloaded, drained for at most ${B4_CAP} s; B5 ${B5_SECS} s."
    echo "Services: WORKERS=$WORKERS DB_POOL_SIZE=$DB_POOL_SIZE HASH_THREADS=$HASH_THREADS LOG_LEVEL=warn; B5 consumer TASKS=$CONSUMER_TASKS."
    echo
    render_table
    echo
    echo "How to read it: docs/benchmarks.md. Logs of this run: .run/bench/work/logs/."
  } >"$RESULTS"
}

prepare() {
  LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
  "$BENCH/install-tools.sh"
  say "building: the release services (as make build) and the bench tools"
  mkdir -p "$ROOT/.run"
  { cmake --preset release && cmake --build --preset release &&
    cmake --build --preset release --target bench_tokens bench_argon2 bench_publish bench_drain; } \
    >"$ROOT/.run/bench-build.log" 2>&1 ||
    { tail -n 30 "$ROOT/.run/bench-build.log" >&2; die "build failed (log: .run/bench-build.log)"; }
  "$ROOT/scripts/keys.sh" >/dev/null

  say "fresh bench stack"
  "$ROOT/scripts/stack.sh" reset bench >&2
  rm -rf "$WORK"
  mkdir -p "$WORK/logs" "$WORK/nginx-tmp"
  STARTED_FILE=$WORK/started.pids
  : >"$STARTED_FILE"
  start_tokens
  STACK_STARTED=1
  "$ROOT/scripts/stack.sh" start bench >&2
  eval "$("$ROOT/scripts/stack.sh" env bench)"
}

main() {
  cd "$ROOT"
  prepare
  seed
  local s
  for s in $ONLY; do "scenario_$s"; done
}

main

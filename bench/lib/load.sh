# shellcheck shell=bash
# The load generators: wrk (HTTP, with bench/lua scripts) and pgbench (the SQL ceilings).
# Needs: ROOT WORK DB_URI.

PGBENCH=${PGBENCH:-/usr/lib/postgresql/15/bin/pgbench}
PSQL=${PSQL:-/usr/lib/postgresql/15/bin/psql}
LUA_DIR=$ROOT/bench/lua

# wrk_run NAME CONNECTIONS SECONDS URL LUA [VAR=value...]: one wrk run on 2 threads; sets
# WRK_RPS WRK_P50 WRK_P99 (ms) WRK_BAD (non-2xx answers + socket errors). Output: logs/wrk-NAME.log.
wrk_run() {
  local name=$1 conns=$2 secs=$3 url=$4 lua=$5 log line
  shift 5
  log=$WORK/logs/wrk-$name.log
  env BENCH_LUA="$LUA_DIR" "$@" wrk -t 2 -c "$conns" -d "${secs}s" --timeout 10s \
    -s "$LUA_DIR/$lua" "$url" >>"$log" 2>&1 || die "wrk failed (log: $log)"
  line=$(grep '^BENCH ' "$log" | tail -n 1)
  [[ -n $line ]] || die "wrk printed no summary (log: $log)"
  read -r _ WRK_RPS WRK_P50 WRK_P99 WRK_BAD <<<"$line"
  if ((WRK_BAD > 0)); then say "warning: $name: $WRK_BAD non-2xx answers or socket errors (log: $log)"; fi
}

# pgbench_run NAME DATABASE CLIENTS SECONDS SCRIPT: sets PGB_TPS (without connection time) and
# PGB_LAT (average latency, ms). Prepared statements (-M prepared): the best the database does for the
# work, and what the services do (libs/pg prepares every statement on first use).
pgbench_run() {
  local name=$1 db=$2 clients=$3 secs=$4 script=$5 log threads=2
  log=$WORK/logs/pgbench-$name.log
  ((clients < threads)) && threads=$clients
  "$PGBENCH" -n -M prepared -c "$clients" -j "$threads" -T "$secs" -f "$ROOT/bench/sql/$script" \
    "$(db_uri "$db")" >>"$log" 2>&1 || die "pgbench failed (log: $log)"
  PGB_TPS=$(awk '/^tps = / { v = $3 } END { print v }' "$log")
  PGB_LAT=$(awk '/^latency average = / { v = $4 } END { print v }' "$log")
}

# best_clients NAME DATABASE SCRIPT: sets BEST_CLIENTS, the client count (1, 2, 4 … 64) at which pgbench
# runs SCRIPT fastest on this machine (2 s each), so that a ceiling is the database's best.
best_clients() {
  local name=$1 db=$2 script=$3 clients best_tps=0
  BEST_CLIENTS=1
  for clients in 1 2 4 8 16 32 64; do
    pgbench_run "$name-c$clients" "$db" "$clients" 2 "$script"
    if [[ $(awk -v a="$PGB_TPS" -v b="$best_tps" 'BEGIN { print (a > b) }') == 1 ]]; then
      best_tps=$PGB_TPS BEST_CLIENTS=$clients
    fi
  done
  say "$name: pgbench is fastest at c=$BEST_CLIENTS ($(fmt %.0f "$best_tps") tx/s)"
}

# sql DATABASE SQL...: psql as app on the bench's database server, unaligned, tuples only.
sql() {
  local db=$1
  shift
  "$PSQL" -X -q -At -v ON_ERROR_STOP=1 "$(db_uri "$db")" "$@"
}

# cpu_us_per_request TICKS RPS SECONDS -> CPU microseconds per request (ticks of 1/CLK_TCK s)
cpu_us_per_request() {
  awk -v t="$1" -v rps="$2" -v s="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz * 1e6 / (rps * s) }'
}

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
# PGB_LAT (average latency, ms). Extended protocol, unnamed statements: as libpq's
# PQsendQueryParams in the services.
pgbench_run() {
  local name=$1 db=$2 clients=$3 secs=$4 script=$5 log threads=2
  log=$WORK/logs/pgbench-$name.log
  ((clients < threads)) && threads=$clients
  "$PGBENCH" -n -M extended -c "$clients" -j "$threads" -T "$secs" -f "$ROOT/bench/sql/$script" \
    "$DB_URI/$db" >>"$log" 2>&1 || die "pgbench failed (log: $log)"
  PGB_TPS=$(awk '/^tps = / { v = $3 } END { print v }' "$log")
  PGB_LAT=$(awk '/^latency average = / { v = $4 } END { print v }' "$log")
}

# sql DATABASE SQL...: psql as app on the bench cluster, unaligned, tuples only.
sql() {
  local db=$1
  shift
  "$PSQL" -X -q -At -v ON_ERROR_STOP=1 "$DB_URI/$db" "$@"
}

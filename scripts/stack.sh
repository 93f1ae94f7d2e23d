#!/usr/bin/env bash
# The project-local stack: one PostgreSQL 15 cluster and one RabbitMQ 3.10 node per profile,
# with their data under .run/<profile>/ and nothing outside the checkout modified.
# Everything listens on 127.0.0.1 only. See `scripts/stack.sh help`.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/servers.sh
source "$ROOT/scripts/servers.sh"
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
MQ_BIN=${MQ_BIN:-/usr/lib/rabbitmq/bin}
PG_SUPERUSER_PASSWORD=postgres   # local development only
APP_USER=app
APP_PASSWORD=app                 # local development only
START_TIMEOUT=${STACK_START_TIMEOUT:-60}

usage() {
  cat <<'EOF'
usage: scripts/stack.sh <command> [profile] [args...]

profile: dev (default; or $STACK_PROFILE when set), test or bench. It may be left out; when the
word after the command is a profile's name it is the profile, so `psql dev test` opens database "test".

  start        start PostgreSQL and RabbitMQ (already running: no-op)
  stop         stop both (not running: no-op); also stops the node's epmd
  status       show both; exit 0 when both run, 1 otherwise
  start-pg | stop-pg | restart-pg      PostgreSQL only
  start-mq | stop-mq | restart-mq      RabbitMQ only (restart keeps data: durable queues survive)
  kill-pg | kill-mq                    crash the server (immediate stop / SIGKILL), for crash tests
  reset        stop both and delete the profile's data (.run/<profile>/pg and mq)
  mqctl [profile] <rabbitmqctl args...>
               e.g. scripts/stack.sh mqctl test list_queues name messages
  psql  [profile] <psql args...>
               as superuser postgres over the unix socket, database postgres unless given,
               e.g. scripts/stack.sh psql test -c 'select 1'   scripts/stack.sh psql -d users
  env   [profile]
               print `export` lines: DB_URI MQ_URI TEST_PG_URI TEST_MQ_URI STACK_PROFILE
               e.g. eval "$(scripts/stack.sh env test)"

ports (all on 127.0.0.1)    PostgreSQL  AMQP   Erlang dist  epmd
  dev                       21432       21672  21673        21369
  test                      22432       22672  22673        22369
  bench                     23432       23672  23673        23369   (bench/run.sh)
EOF
}

die() { echo "stack: $*" >&2; exit 1; }
note() { echo "stack: $*"; }

now_us() { local t=${EPOCHREALTIME/[.,]/}; echo "$t"; }
elapsed() { # elapsed since $1 (microseconds) as seconds with one decimal
  local d=$(( $(now_us) - $1 ))
  printf '%d.%01ds' $((d / 1000000)) $(((d % 1000000) / 100000))
}

# The ports lie below Linux's ephemeral range (32768-60999): a client that polls a port of that range
# while nothing listens (our readiness loop, a service reconnecting) can be handed that very port as
# its source and connect to itself, and the server then finds its port taken.
set_profile() {
  PROFILE=$1
  case "$PROFILE" in
    dev)  PG_PORT=21432 MQ_PORT=21672 DIST_PORT=21673 EPMD_PORT=21369 ;;
    test) PG_PORT=22432 MQ_PORT=22672 DIST_PORT=22673 EPMD_PORT=22369 ;;
    bench) PG_PORT=23432 MQ_PORT=23672 DIST_PORT=23673 EPMD_PORT=23369 ;;
    *) die "unknown profile '$PROFILE' (dev, test or bench)" ;;
  esac
  RUN_DIR=$ROOT/.run/$PROFILE
  PG_DIR=$RUN_DIR/pg
  PG_DATA=$PG_DIR/data
  PG_SOCK=$PG_DIR                       # unix socket directory
  PG_LOG=$PG_DIR/log/postgresql.log
  MQ_DIR=$RUN_DIR/mq
  MQ_PIDFILE=$MQ_DIR/rabbitmq.pid
  MQ_NODE=bank-$PROFILE@localhost
  MQ_STARTUP_LOG=$MQ_DIR/log/startup.log
}

IS_ROOT=0
[[ $(id -u) -eq 0 ]] && IS_ROOT=1

# Debian's servers refuse to run as root: as root we run them as their package users; as
# anyone else, as that user.
as_pg() {
  if ((IS_ROOT)); then runuser -u postgres -- "$@"; else "$@"; fi
}

mq_env() {
  MQ_ENV=(
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
    LANG=C.UTF-8 LC_ALL=C.UTF-8
    HOME="$MQ_DIR/home"
    RABBITMQ_NODENAME="$MQ_NODE"
    RABBITMQ_USE_LONGNAME=false
    RABBITMQ_MNESIA_BASE="$MQ_DIR/mnesia"
    RABBITMQ_LOG_BASE="$MQ_DIR/log"
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    RABBITMQ_NODE_PORT="$MQ_PORT"
    RABBITMQ_DIST_PORT="$DIST_PORT"
    ERL_EPMD_PORT="$EPMD_PORT"
    ERL_EPMD_ADDRESS=127.0.0.1
    RABBITMQ_CONFIG_FILE="$MQ_DIR/rabbitmq.conf"
    RABBITMQ_CONFIG_FILES="$MQ_DIR/conf.d"
    RABBITMQ_ADVANCED_CONFIG_FILE="$MQ_DIR/advanced.config"
    RABBITMQ_CONF_ENV_FILE="$MQ_DIR/rabbitmq-env.conf"
    RABBITMQ_ENABLED_PLUGINS_FILE="$MQ_DIR/enabled_plugins"
    RABBITMQ_PID_FILE="$MQ_PIDFILE"
    # Erlang distribution (the node's and the CLI's) on loopback only.
    "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
    "RABBITMQ_CTL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
  )
}

# The command prefix that runs a RabbitMQ program as the node's user with the node's own
# environment (and nothing from the caller's).
mq_cmd() {
  mq_env
  if ((IS_ROOT)); then
    MQ_CMD=(setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups env -i "${MQ_ENV[@]}")
  else
    MQ_CMD=(env -i "${MQ_ENV[@]}")
  fi
}

# Runs a RabbitMQ program (rabbitmqctl ...) for this node, from the node's directory.
as_mq() {
  mq_cmd
  (cd "$MQ_DIR" && exec "${MQ_CMD[@]}" "$@") 9>&-
}

# Commands that change a profile's servers hold its lock (fd 9). Servers started under it must
# not inherit fd 9 (they would hold the lock for their lifetime): their launch closes it.

lock_profile() {
  mkdir -p "$RUN_DIR"
  exec 9>"$RUN_DIR/.stack.lock"
  flock 9
}

# ---------------------------------------------------------------- PostgreSQL

pg_running() {
  [[ -f "$PG_DATA/PG_VERSION" ]] || return 1
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1 || return 1
  alive "$(pg_pid)"
}

pg_pid() { head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true; }

pg_admin_psql() {
  PGCONNECT_TIMEOUT=10 "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
    -h "$PG_SOCK" -p "$PG_PORT" -U postgres -d postgres "$@"
}

pg_write_conf() {
  local sock=${PG_SOCK//\'/\'\'}
  as_pg tee "$PG_DATA/stack.conf" >/dev/null <<EOF
# Written by scripts/stack.sh on every start; edit the script, not this file.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$sock'
unix_socket_permissions = 0700
max_connections = 200
fsync = on
synchronous_commit = on
full_page_writes = on
log_line_prefix = '%m [%p] %q%u@%d '
EOF
}

pg_init() {
  mkdir -p "$PG_DIR/log"
  if ((IS_ROOT)); then
    chown postgres:postgres "$PG_DIR" "$PG_DIR/log"
    chmod 0700 "$PG_DIR"
    as_pg test -w "$PG_DIR" ||
      die "user postgres cannot write $PG_DIR: every directory above the checkout must be traversable (o+x) by postgres"
  fi
  [[ -f "$PG_DATA/PG_VERSION" ]] && return 0
  rm -rf "$PG_DATA"   # a half-finished earlier init
  local pwfile=$PG_DIR/.pwfile t0
  t0=$(now_us)
  printf '%s\n' "$PG_SUPERUSER_PASSWORD" >"$pwfile"
  chmod 0600 "$pwfile"
  ((IS_ROOT)) && chown postgres:postgres "$pwfile"
  if ! as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --pwfile="$pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
      >"$PG_DIR/log/initdb.log" 2>&1; then
    rm -f "$pwfile"
    tail -n 30 "$PG_DIR/log/initdb.log" >&2
    die "initdb failed (log: $PG_DIR/log/initdb.log)"
  fi
  rm -f "$pwfile"
  echo "include_if_exists = 'stack.conf'" | as_pg tee -a "$PG_DATA/postgresql.conf" >/dev/null
  PG_FRESH=1
  note "postgres ($PROFILE): initialized $PG_DATA in $(elapsed "$t0")"
}

pg_start() {
  if pg_running; then
    note "postgres ($PROFILE): already running (pid $(pg_pid)) on 127.0.0.1:$PG_PORT"
    return 0
  fi
  local t0
  t0=$(now_us)
  PG_FRESH=0
  pg_init
  pg_write_conf
  # setsid: the server leaves our session, so a Ctrl-C aimed at the caller does not hit it.
  if ! as_pg setsid -w "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$START_TIMEOUT" start \
      >/dev/null 2>&1 9>&-; then
    tail -n 30 "$PG_LOG" >&2 || true
    die "postgres ($PROFILE) did not start (log: $PG_LOG)"
  fi
  # The application role; idempotent, so an older cluster gets it too.
  pg_admin_psql -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$APP_USER') THEN
        CREATE ROLE $APP_USER LOGIN PASSWORD '$APP_PASSWORD' CREATEDB;
      END IF;
    END \$\$;"
  note "postgres ($PROFILE): started (pid $(pg_pid)) on 127.0.0.1:$PG_PORT in $(elapsed "$t0")$( ((PG_FRESH)) && echo ', fresh cluster')"
}

pg_stop() {
  if ! pg_running; then
    note "postgres ($PROFILE): not running"
    return 0
  fi
  local t0
  t0=$(now_us)
  if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1; then
    note "postgres ($PROFILE): fast shutdown failed, using immediate"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 30 stop >/dev/null 2>&1 ||
      die "postgres ($PROFILE) did not stop (log: $PG_LOG)"
  fi
  note "postgres ($PROFILE): stopped in $(elapsed "$t0")"
}

pg_kill() {
  if ! pg_running; then
    note "postgres ($PROFILE): not running"
    return 0
  fi
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 30 stop >/dev/null 2>&1
  note "postgres ($PROFILE): stopped immediately (crash recovery on next start)"
}

pg_status() {
  if pg_running; then
    echo "postgres ($PROFILE): running, pid $(pg_pid), 127.0.0.1:$PG_PORT, socket $PG_SOCK, data $PG_DATA"
    return 0
  fi
  echo "postgres ($PROFILE): stopped (127.0.0.1:$PG_PORT, data $PG_DATA)"
  return 1
}

# ------------------------------------------------------------------ RabbitMQ

# Prints the pid of this profile's running node; fails when it is not running (stale pid file).
mq_pid() {
  local pid
  pid=$(head -n 1 "$MQ_PIDFILE" 2>/dev/null) || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  # The pid must be an Erlang VM started for this node (guards against pid reuse).
  tr '\0' '\n' 2>/dev/null <"/proc/$pid/cmdline" | grep -qx 'beam.smp\|.*/beam.smp' || return 1
  tr '\0' '\n' 2>/dev/null <"/proc/$pid/environ" | grep -qx "RABBITMQ_NODENAME=$MQ_NODE" || return 1
  echo "$pid"
}

mq_prepare() {
  mkdir -p "$MQ_DIR"/{mnesia,log,home,conf.d}
  rabbitmq_base_conf "$MQ_PORT" scripts/stack.sh >"$MQ_DIR/rabbitmq.conf"
  echo '[].' >"$MQ_DIR/enabled_plugins"          # no plugins (no management UI)
  : >"$MQ_DIR/rabbitmq-env.conf"                 # keeps /etc/rabbitmq/rabbitmq-env.conf out
  if ((IS_ROOT)); then
    chown rabbitmq:rabbitmq "$MQ_DIR" "$MQ_DIR"/{mnesia,log,home,conf.d} \
      "$MQ_DIR/rabbitmq.conf" "$MQ_DIR/enabled_plugins" "$MQ_DIR/rabbitmq-env.conf"
    setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups test -w "$MQ_DIR/mnesia" ||
      die "user rabbitmq cannot write $MQ_DIR: every directory above the checkout must be traversable (o+x) by rabbitmq"
  fi
  chmod 0700 "$MQ_DIR/home"
}

# Stops the epmd that the node started on this profile's port, unless it still serves another
# node (say, the same profile of another checkout, which owns these ports): called when our node
# is not running, so any registered node name is not ours. CLI names (rabbitmqcli-*) are transient.
mq_kill_epmd() {
  local names others
  names=$(env ERL_EPMD_PORT="$EPMD_PORT" epmd -names 2>/dev/null) || return 0   # no epmd there
  others=$(awk '$1 == "name" && $2 !~ /^rabbitmqcli/ { print $2 }' <<<"$names" | paste -sd ' ' -)
  if [[ -n "$others" ]]; then
    note "rabbitmq ($PROFILE): epmd on port $EPMD_PORT serves other nodes ($others): left running"
    return 0
  fi
  if env ERL_EPMD_PORT="$EPMD_PORT" epmd -kill >/dev/null 2>&1; then
    return 0
  fi
  # epmd refuses -kill while CLI names are registered; find it by its environment instead.
  local p
  for p in /proc/[0-9]*; do
    [[ "$(cat "$p/comm" 2>/dev/null)" == epmd ]] || continue
    if tr '\0' '\n' 2>/dev/null <"$p/environ" | grep -qx "ERL_EPMD_PORT=$EPMD_PORT"; then
      kill "${p#/proc/}" 2>/dev/null || true
    fi
  done
}

mq_tail_logs() {
  if [[ -s "$MQ_STARTUP_LOG" ]]; then
    echo "--- $MQ_STARTUP_LOG (this start)" >&2
    awk '/^=== .* start$/ { n = 0; delete l; next } { l[n++] = $0 } END { for (i = (n > 40 ? n - 40 : 0); i < n; i++) print l[i] }' \
      "$MQ_STARTUP_LOG" >&2
  fi
  if [[ -s "$MQ_DIR/log/$MQ_NODE.log" ]]; then
    echo "--- $MQ_DIR/log/$MQ_NODE.log (last 30 lines)" >&2
    tail -n 30 "$MQ_DIR/log/$MQ_NODE.log" >&2
  fi
}

# A failed start leaves nothing running: the node (if it got that far), its launcher, its epmd.
mq_start_failed() { # launcher-pid message
  local pid
  mq_tail_logs
  if pid=$(mq_pid); then
    kill -KILL "$pid" 2>/dev/null || true
  fi
  kill -TERM "$1" 2>/dev/null || true
  rm -f "$MQ_PIDFILE"
  mq_kill_epmd
  die "$2"
}

mq_start() {
  local pid
  if pid=$(mq_pid); then
    note "rabbitmq ($PROFILE): already running (pid $pid) on 127.0.0.1:$MQ_PORT"
    return 0
  fi
  local t0 fresh=0
  t0=$(now_us)
  [[ -d "$MQ_DIR/mnesia/$MQ_NODE" ]] || fresh=1
  rm -f "$MQ_PIDFILE"
  mq_prepare
  echo "=== $(date -Is) start" >>"$MQ_STARTUP_LOG"
  # setsid: the node leaves our session, so a Ctrl-C aimed at the caller does not hit it.
  mq_cmd
  local launcher deadline=$((SECONDS + START_TIMEOUT)) port_deadline=$((SECONDS + 90)) log_offset
  mq_launch() {
    log_offset=$(stat -c %s "$MQ_STARTUP_LOG")
    (cd "$MQ_DIR" && exec setsid "${MQ_CMD[@]}" "$MQ_BIN/rabbitmq-server") \
      </dev/null >>"$MQ_STARTUP_LOG" 2>&1 9>&- &
    launcher=$!
  }
  mq_launch
  # The AMQP listener opens at the end of the boot: poll it cheaply (a CLI call costs a second of
  # CPU), then confirm with rabbitmqctl await_startup.
  while :; do
    if ! alive "$launcher"; then
      # Some kernels (gVisor) refuse even SO_REUSEADDR binds while the previous node's connections
      # are in TIME-WAIT (up to a minute after a restart): wait for the port and launch again.
      if tail -c +$((log_offset + 1)) "$MQ_STARTUP_LOG" | grep -q eaddrinuse && ((SECONDS < port_deadline)); then
        mq_kill_epmd
        note "rabbitmq ($PROFILE): 127.0.0.1:$MQ_PORT still held by closed connections, retrying in 3s"
        sleep 3
        deadline=$((SECONDS + START_TIMEOUT))
        mq_launch
        continue
      fi
      mq_start_failed "$launcher" "rabbitmq ($PROFILE) exited during start (logs: $MQ_DIR/log)"
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$MQ_PORT") 2>/dev/null; then
      break
    fi
    if ((SECONDS >= deadline)); then
      mq_start_failed "$launcher" "rabbitmq ($PROFILE) not listening on 127.0.0.1:$MQ_PORT after ${START_TIMEOUT}s (logs: $MQ_DIR/log)"
    fi
    sleep 0.2
  done
  # await_startup fails at once while the node is not reachable yet: retry.
  local remaining
  while :; do
    remaining=$((deadline - SECONDS))
    ((remaining > 5)) || remaining=5
    if as_mq "$MQ_BIN/rabbitmqctl" -q await_startup --timeout "$remaining" >/dev/null 2>&1; then
      break
    fi
    if ! alive "$launcher"; then
      mq_start_failed "$launcher" "rabbitmq ($PROFILE) exited during start (logs: $MQ_DIR/log)"
    fi
    if ((SECONDS >= deadline)); then
      mq_start_failed "$launcher" "rabbitmq ($PROFILE) not up after ${START_TIMEOUT}s (logs: $MQ_DIR/log)"
    fi
    sleep 0.5
  done
  pid=$(mq_pid) || pid='?'
  note "rabbitmq ($PROFILE): started (pid $pid, node $MQ_NODE) on 127.0.0.1:$MQ_PORT in $(elapsed "$t0")$( ((fresh)) && echo ', fresh node')"
}


mq_stop() {
  local pid t0
  t0=$(now_us)
  if ! pid=$(mq_pid); then
    rm -f "$MQ_PIDFILE"
    mq_kill_epmd
    note "rabbitmq ($PROFILE): not running"
    return 0
  fi
  # `stop <pidfile>` returns once the OS process has exited.
  as_mq timeout 90 "$MQ_BIN/rabbitmqctl" -q stop "$MQ_PIDFILE" >/dev/null 2>&1 || true
  if ! wait_gone "$pid" 5; then
    note "rabbitmq ($PROFILE): rabbitmqctl stop failed, sending SIGTERM"
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_gone "$pid" 30; then
      kill -KILL "$pid" 2>/dev/null || true
      wait_gone "$pid" 5 || die "rabbitmq ($PROFILE): pid $pid survives SIGKILL"
    fi
  fi
  rm -f "$MQ_PIDFILE"
  mq_kill_epmd
  note "rabbitmq ($PROFILE): stopped in $(elapsed "$t0")"
}

mq_kill() {
  local pid
  if ! pid=$(mq_pid); then
    note "rabbitmq ($PROFILE): not running"
    return 0
  fi
  kill -KILL "$pid"
  wait_gone "$pid" 10 || true
  note "rabbitmq ($PROFILE): killed (pid $pid); the pid file is left behind, as after a crash"
}

mq_status() {
  local pid
  if pid=$(mq_pid); then
    echo "rabbitmq ($PROFILE): running, pid $pid, node $MQ_NODE, amqp 127.0.0.1:$MQ_PORT, dist $DIST_PORT, epmd $EPMD_PORT"
    return 0
  fi
  echo "rabbitmq ($PROFILE): stopped (amqp 127.0.0.1:$MQ_PORT, data $MQ_DIR/mnesia)"
  return 1
}

print_env() {
  local pg="postgresql://$APP_USER:$APP_PASSWORD@127.0.0.1:$PG_PORT"
  local mq="amqp://$APP_USER:$APP_PASSWORD@127.0.0.1:$MQ_PORT/%2f"
  echo "export DB_URI=$pg"
  echo "export MQ_URI=$mq"
  echo "export TEST_PG_URI=$pg/postgres"
  echo "export TEST_MQ_URI=$mq"
  echo "export STACK_PROFILE=$PROFILE"
}

# ---------------------------------------------------------------------- main

cmd=${1:-help}
shift || true
profile=${STACK_PROFILE:-dev}
if [[ "${1:-}" == dev || "${1:-}" == test || "${1:-}" == bench ]]; then
  profile=$1
  shift
fi
set_profile "$profile"

no_args() {
  (($# == 0)) && return 0
  (($# == 1)) && die "unknown profile '$1' (dev, test or bench)"
  die "'$cmd' takes only a profile (got: $*)"
}

case "$cmd" in
  start)      no_args "$@"; lock_profile; pg_start; mq_start ;;
  stop)       no_args "$@"; lock_profile; mq_stop; pg_stop ;;
  status)     no_args "$@"; rc=0; pg_status || rc=1; mq_status || rc=1; exit "$rc" ;;
  start-pg)   no_args "$@"; lock_profile; pg_start ;;
  stop-pg)    no_args "$@"; lock_profile; pg_stop ;;
  restart-pg) no_args "$@"; lock_profile; pg_stop; pg_start ;;
  kill-pg)    no_args "$@"; lock_profile; pg_kill ;;
  start-mq)   no_args "$@"; lock_profile; mq_start ;;
  stop-mq)    no_args "$@"; lock_profile; mq_stop ;;
  restart-mq) no_args "$@"; lock_profile; mq_stop; mq_start ;;
  kill-mq)    no_args "$@"; lock_profile; mq_kill ;;
  reset)
    no_args "$@"; lock_profile; mq_stop; pg_stop
    rm -rf "$PG_DIR" "$MQ_DIR"
    note "$PROFILE: data deleted"
    ;;
  mqctl)
    [[ -d "$MQ_DIR/home" ]] || die "rabbitmq ($PROFILE) was never started (scripts/stack.sh start-mq $PROFILE)"
    as_mq "$MQ_BIN/rabbitmqctl" "$@"
    ;;
  psql)
    [[ -f "$PG_DATA/PG_VERSION" ]] || die "postgres ($PROFILE) was never started (scripts/stack.sh start-pg $PROFILE)"
    PGHOST=$PG_SOCK PGPORT=$PG_PORT PGUSER=postgres PGDATABASE=postgres exec "$PG_BIN/psql" "$@"
    ;;
  env)        no_args "$@"; print_env ;;
  help | -h | --help) usage ;;
  *) usage >&2; exit 2 ;;
esac

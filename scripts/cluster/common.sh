# shellcheck shell=bash
# The cluster's profiles, ports and process helpers, shared by scripts/cluster/*.sh. Sourced by
# scripts/cluster.sh; does nothing by itself.

# shellcheck source=scripts/servers.sh
source "$ROOT/scripts/servers.sh"

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
MQ_BIN=${MQ_BIN:-/usr/lib/rabbitmq/bin}
APP_USER=app
APP_PASSWORD=app                 # local development only
PG_SUPERUSER_PASSWORD=postgres   # local development only
PG_REPLICATION_PASSWORD=replicator
START_TIMEOUT=${CLUSTER_START_TIMEOUT:-120}
MEMBERS=(1 2 3)

die() { echo "cluster: $*" >&2; exit 1; }
note() { echo "cluster: $*"; }

now_us() { local t=${EPOCHREALTIME/[.,]/}; echo "$t"; }
elapsed() { # since $1 (microseconds), as seconds with one decimal
  local d=$(( $(now_us) - $1 ))
  printf '%d.%01ds' $((d / 1000000)) $(((d % 1000000) / 100000))
}

# Every port lies below Linux's ephemeral range (32768-60999) and outside the other profiles' ranges
# (README "Ports"): profile cluster uses 20000-20499, cluster-test the same layout 500 higher, and
# cluster-bench (bench/cluster.sh) 23000 higher, inside the bench's range. Member N (1-3) of each server
# listens on its base port + N.
set_profile() {
  PROFILE=$1
  local base
  case "$PROFILE" in
    cluster) base=20000 ;;
    cluster-test) base=20500 ;;
    cluster-bench) base=23000 ;;
    *) die "unknown profile '$PROFILE' (cluster, cluster-test or cluster-bench)" ;;
  esac
  PG_PORT_BASE=$((base + 100))          # PostgreSQL   +101..+103
  PATRONI_PORT_BASE=$((base + 110))     # Patroni REST +111..+113
  ETCD_CLIENT_PORT_BASE=$((base + 120)) # etcd client  +121..+123
  ETCD_PEER_PORT_BASE=$((base + 130))   # etcd peer    +131..+133
  MQ_PORT_BASE=$((base + 170))          # AMQP         +171..+173
  DIST_PORT_BASE=$((base + 180))        # Erlang dist  +181..+183
  EPMD_PORT=$((base + 169))             # one epmd for the three nodes
  CTL_DIST_PORT_MIN=$((base + 190))     # rabbitmqctl's own distribution ports, +190..+199
  CTL_DIST_PORT_MAX=$((base + 199))
  # The processes scripts/up-cluster.sh starts over profile cluster (tests/cluster/harness.py has its own).
  SERVICE_PORT_BASE=$((base + 200))     # users +201,+202; promotion +211,+212; consumers +221,+222
  FRONT_DOOR_PORT=$((base + 280))
  RUN_DIR=$ROOT/.run/$PROFILE
  SCOPE=bank-$PROFILE
}

pg_port() { echo $((PG_PORT_BASE + $1)); }
patroni_port() { echo $((PATRONI_PORT_BASE + $1)); }
etcd_client_port() { echo $((ETCD_CLIENT_PORT_BASE + $1)); }
etcd_peer_port() { echo $((ETCD_PEER_PORT_BASE + $1)); }
mq_port() { echo $((MQ_PORT_BASE + $1)); }
dist_port() { echo $((DIST_PORT_BASE + $1)); }

valid_member() {
  [[ "${1:-}" =~ ^[123]$ ]] || die "member must be 1, 2 or 3 (got '${1:-}')"
}

IS_ROOT=0
[[ $(id -u) -eq 0 ]] && IS_ROOT=1

# Debian's servers refuse to run as root: as root we run each as its package's user; as anyone
# else, as that user.
as_user() { # user command...
  local user=$1
  shift
  if ((IS_ROOT)); then setpriv --reuid="$user" --regid="$user" --init-groups "$@"; else "$@"; fi
}

# A directory the server's user owns (as root) and can write.
owned_dir() { # user dir...
  local user=$1 dir
  shift
  mkdir -p "$@"
  ((IS_ROOT)) || return 0
  for dir in "$@"; do
    chown "$user:$user" "$dir"
    chmod 0700 "$dir"
  done
  as_user "$user" test -w "$1" ||
    die "user $user cannot write $1: every directory above the checkout must be traversable (o+x) by $user"
}


# The pid in a pid file while that process lives and its command line contains a marker (a path of
# its own), which guards against a reused pid.
pidfile_pid() { # pidfile marker
  local pid
  pid=$(head -n 1 "$1" 2>/dev/null) || return 1
  alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2" || return 1
  echo "$pid"
}

# Starts a server in its own session (a Ctrl-C aimed at the caller does not reach it) as a user,
# output appended to a log, and records its pid. `setsid` does not fork here (a background job of a
# script is no process group leader), so $! is the server itself.
spawn() { # pidfile log user command...
  local pidfile=$1 log=$2 user=$3
  shift 3
  echo "=== $(date -Is) start" >>"$log"
  ((IS_ROOT)) && chown "$user:$user" "$log"
  if ((IS_ROOT)); then
    (exec setsid setpriv --reuid="$user" --regid="$user" --init-groups "$@") </dev/null >>"$log" 2>&1 9>&- &
  else
    (exec setsid "$@") </dev/null >>"$log" 2>&1 9>&- &
  fi
  echo "$!" >"$pidfile"
}


# SIGTERM, then SIGKILL after a grace period.
terminate() { # pid grace-seconds
  kill -TERM "$1" 2>/dev/null || return 0
  wait_gone "$1" "$2" && return 0
  kill -KILL "$1" 2>/dev/null || true
  wait_gone "$1" 5
}

join_by() { local IFS=$1; shift; echo "$*"; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Commands that change a profile's servers hold its lock (fd 9); servers never inherit it.
lock_profile() {
  mkdir -p "$RUN_DIR"
  exec 9>"$RUN_DIR/.cluster.lock"
  flock 9
}

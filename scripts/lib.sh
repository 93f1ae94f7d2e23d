# shellcheck shell=bash
# Helpers shared by up.sh, up-cluster.sh, down.sh, service.sh and test.sh. Source it; it does nothing by itself.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STACK=$ROOT/scripts/stack.sh

# The binary of a service (users | promotion) in a build preset (release by default).
service_bin() {
  echo "$ROOT/build/${2:-release}/services/$1/$1-service"
}

valid_app() { [[ "${1:-}" == users || "${1:-}" == promotion ]]; }

# .env is created from .env.example when absent (never overwritten).
ensure_dotenv() {
  if [[ ! -f "$ROOT/.env" ]]; then
    cp "$ROOT/.env.example" "$ROOT/.env"
    echo "created .env from .env.example"
  fi
}

# True when .env assigns the variable.
dotenv_defines() {
  [[ -f "$ROOT/.env" ]] &&
    grep -Eq "^[[:space:]]*(export[[:space:]]+)?$1[[:space:]]*=" "$ROOT/.env"
}

# Exports NAME=VALUE unless the environment or .env sets NAME (precedence: environment > .env > this
# default). The services read .env themselves; an exported variable would override it.
export_default() {
  [[ -n "${!1+x}" ]] && return 0
  dotenv_defines "$1" && return 0
  export "$1=$2"
}

# Exports the stack's DB_URI and MQ_URI for a profile, each as a default (export_default).
export_stack_defaults() {
  local line key
  while IFS= read -r line; do
    line=${line#export }
    key=${line%%=*}
    case "$key" in DB_URI | MQ_URI) export_default "$key" "${line#*=}" ;; esac
  done < <("$STACK" env "$1")
}

# True while the process exists and is not a zombie.
pid_alive() {
  local state
  [[ "${1:-}" =~ ^[0-9]+$ ]] || return 1
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
  [[ -n "$state" && "$state" != Z && "$state" != X ]]
}

# The pid recorded in a pid file when that process is still one of our service binaries or the front door's nginx.
service_pid() {
  local pid exe
  pid=$(head -n 1 "$1" 2>/dev/null) || return 1
  pid_alive "$pid" || return 1
  exe=$(readlink "/proc/$pid/exe" 2>/dev/null) || return 1
  case "${exe##*/}" in users-service | promotion-service | nginx) ;; *) return 1 ;; esac
  echo "$pid"
}

# Stops the services whose pid files are in a directory: SIGTERM, then SIGKILL after the
# shutdown deadline (SHUTDOWN_DEADLINE_MS, default 10 s) plus 5 s.
stop_services() {
  local dir=$1 f pid name i deadline_s
  deadline_s=$(( ${SHUTDOWN_DEADLINE_MS:-10000} / 1000 + 5 ))
  local -a pids=() names=()
  for f in "$dir"/*.pid; do
    [[ -e "$f" ]] || continue
    name=$(basename "$f" .pid)
    if pid=$(service_pid "$f"); then
      pids+=("$pid")
      names+=("$name")
    fi
    rm -f "$f"
  done
  # All pid files are gone before the first signal: `make up` takes that as "stopped on purpose".
  for i in "${!pids[@]}"; do
    kill -TERM "${pids[$i]}" 2>/dev/null || true
  done
  for i in "${!pids[@]}"; do
    local n=0
    while pid_alive "${pids[$i]}" && ((n < deadline_s * 10)); do
      sleep 0.1
      n=$((n + 1))
    done
    if pid_alive "${pids[$i]}"; then
      echo "${names[$i]} (pid ${pids[$i]}) did not stop in ${deadline_s}s: SIGKILL"
      kill -KILL "${pids[$i]}" 2>/dev/null || true
    else
      echo "${names[$i]} (pid ${pids[$i]}) stopped"
    fi
  done
}

# Starts a service for up.sh / up-cluster.sh: in its own session, so Ctrl-C reaches only the caller,
# which then stops it with one SIGTERM. Output goes to the terminal with a [name] prefix (the prefixing
# sed ignores Ctrl-C, so it keeps draining the output until the service exits). Records the pid in the
# caller's PIDS (an associative array) and in $PID_DIR/<name>.pid.
start_service() {
  local name=$1
  shift
  setsid "$@" > >(trap '' INT TERM; exec sed -u "s/^/[$name] /") 2>&1 &
  PIDS["$name"]=$!
  echo "${PIDS[$name]}" >"$PID_DIR/$name.pid"
}

# Waits until a TCP port on 127.0.0.1 accepts connections, while the service started as `name` lives.
wait_port() {
  local name=$1 port=$2 i
  for ((i = 0; i < 300; i++)); do
    pid_alive "${PIDS[$name]}" || { echo "up: $name exited during start" >&2; return 1; }
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "up: $name does not listen on port $port after 30s" >&2
  return 1
}

# up.sh and up-cluster.sh keep the pids of what they start in $PID_DIR; a service still running there
# from an earlier start stops this one.
claim_pid_dir() {
  local f pid
  mkdir -p "$PID_DIR"
  for f in "$PID_DIR"/*.pid; do
    [[ -e "$f" ]] || continue
    if pid=$(service_pid "$f"); then
      echo "up: $(basename "$f" .pid) is already running (pid $pid); run make down first" >&2
      exit 1
    fi
    rm -f "$f"
  done
}

# Stops the services of $PID_DIR; those stopped from elsewhere (make down) may still be finishing:
# waits for them too (PIDS), so that the servers under them stop last.
stop_started_services() {
  local pid n=0
  stop_services "$PID_DIR"
  for pid in "${PIDS[@]}"; do
    while pid_alive "$pid" && ((n < 300)); do sleep 0.1; n=$((n + 1)); done
  done
}

# On Ctrl-C, SIGTERM or exit, once: stops the services started here, then runs the rest of the arguments (the
# stack's or the cluster's stop). Sets $stopping for supervise. NAME prefixes the message.
stop_on_exit() { # name stop-command...
  STOP_NAME=$1
  shift
  STOP_SERVERS=("$@")
  stopping=0
  trap 'stop_everything; exit 130' INT
  trap 'stop_everything; exit 143' TERM
  trap 'rc=$?; stop_everything; exit $rc' EXIT
}

stop_everything() {
  ((stopping)) && return
  stopping=1
  trap '' INT TERM
  echo
  echo "$STOP_NAME: stopping"
  stop_started_services
  "${STOP_SERVERS[@]}" || true
}

# Waits for the first service (PIDS) to exit. Exit 0 when `make down` stopped them (it removes the pid
# files first), else the exit code of the one that ended; the caller's EXIT trap stops the others.
# Returns at once when the caller is already stopping ($stopping, set by its trap).
supervise() {
  local rc name
  set +e
  wait -n "${PIDS[@]}"
  rc=$?
  set -e
  # shellcheck disable=SC2154 # the caller's flag
  ((stopping == 0)) || return 0
  if ! compgen -G "$PID_DIR/*.pid" >/dev/null; then
    echo "up: services stopped by make down"
    exit 0
  fi
  for name in "${!PIDS[@]}"; do
    pid_alive "${PIDS[$name]}" || echo "up: $name exited (code $rc)" >&2
  done
  exit $((rc == 0 ? 1 : rc))
}

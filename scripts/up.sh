#!/usr/bin/env bash
# `make up`: the dev stack, keys, .env, migrations, then users-service serve (port 5000) and,
# when built, promotion-service serve (port 5001) and promotion-service consume (metrics on 5002), and
# the front door (nginx on 8080: the web app and the API), in the background. Waits; Ctrl-C (or SIGTERM,
# or any of them exiting) stops them and the stack. Expects the release build (make build) and the web
# app's (make build-web). `make down` stops it all from another terminal.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

USERS_PORT=5000
PROMOTION_PORT=5001
CONSUMER_METRICS_PORT=5002
FRONT_DOOR_PORT=8080
PID_DIR=$ROOT/.run/dev/pids
USERS_BIN=$(service_bin users)
PROMOTION_BIN=$(service_bin promotion)

[[ -x "$USERS_BIN" ]] || { echo "up: $USERS_BIN not found; run make build" >&2; exit 1; }

mkdir -p "$PID_DIR"
for f in "$PID_DIR"/*.pid; do
  [[ -e "$f" ]] || continue
  if pid=$(service_pid "$f"); then
    echo "up: $(basename "$f" .pid) is already running (pid $pid); run make down first" >&2
    exit 1
  fi
  rm -f "$f"
done

stopping=0
declare -A PIDS=()
cleanup() {
  ((stopping)) && return
  stopping=1
  trap '' INT TERM
  echo
  echo "up: stopping"
  stop_services "$PID_DIR"
  # Services stopped from elsewhere (make down) may still be finishing: let them, then the stack.
  local pid n=0
  for pid in "${PIDS[@]}"; do
    while pid_alive "$pid" && ((n < 300)); do sleep 0.1; n=$((n + 1)); done
  done
  "$STACK" stop dev || true
}
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM
trap 'rc=$?; cleanup; exit $rc' EXIT

"$STACK" start dev
"$ROOT/scripts/keys.sh"
ensure_dotenv
export_stack_defaults dev
# The front door on this host is the services' trusted proxy: its X-Forwarded-For names the client.
export_default TRUSTED_PROXIES 127.0.0.1/32

"$USERS_BIN" migrate
if [[ -x "$PROMOTION_BIN" ]]; then
  "$PROMOTION_BIN" migrate
else
  echo "up: $PROMOTION_BIN not built; starting users-service only"
fi

# Each service runs in its own session, so Ctrl-C reaches only this script, which then stops them
# with one SIGTERM each. Output goes to this terminal with a [name] prefix (the prefixing sed
# ignores Ctrl-C, so it keeps draining the output until the service exits).
start_service() {
  local name=$1
  shift
  setsid "$@" > >(trap '' INT TERM; exec sed -u "s/^/[$name] /") 2>&1 &
  PIDS[$name]=$!
  echo "${PIDS[$name]}" >"$PID_DIR/$name.pid"
}

# Waits until a TCP port on 127.0.0.1 accepts connections, while the process lives.
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

start_service users "$USERS_BIN" serve --port "$USERS_PORT"
if [[ -x "$PROMOTION_BIN" ]]; then
  # promotion-service verifies against users-service's published key set (unless .env says otherwise).
  export_default JWKS_URI "http://127.0.0.1:$USERS_PORT/.well-known/jwks.json"
  export_default PREVIOUS_PUBLIC_KEYS "$ROOT/.run/keys/previous"
  start_service promotion "$PROMOTION_BIN" serve --port "$PROMOTION_PORT"
  METRICS_PORT=$CONSUMER_METRICS_PORT start_service promotion-consumer "$PROMOTION_BIN" consume
fi
start_service front-door "$ROOT/scripts/front-door.sh" "$ROOT/.run/dev/front-door" "$FRONT_DOOR_PORT" \
  "127.0.0.1:$USERS_PORT" "127.0.0.1:$PROMOTION_PORT"
wait_port users "$USERS_PORT"
if [[ -n "${PIDS[promotion]:-}" ]]; then
  wait_port promotion "$PROMOTION_PORT"
  wait_port promotion-consumer "$CONSUMER_METRICS_PORT"
fi
wait_port front-door "$FRONT_DOOR_PORT"

log_dir=$(sed -nE 's/^[[:space:]]*(export[[:space:]]+)?LOG_DIR[[:space:]]*=[[:space:]]*//p' .env | tail -n 1)
log_dir=${LOG_DIR:-${log_dir:-logs}}
echo
echo "  front door          http://localhost:$FRONT_DOOR_PORT   (pid ${PIDS[front-door]})   the web app; the API on the same paths"
echo "  users-service       http://127.0.0.1:$USERS_PORT   (pid ${PIDS[users]})   API docs: /docs, metrics: /metrics"
if [[ -n "${PIDS[promotion]:-}" ]]; then
  echo "  promotion-service   http://127.0.0.1:$PROMOTION_PORT   (pid ${PIDS[promotion]})   API docs: /docs, metrics: /metrics"
  echo "  promotion consumer  http://127.0.0.1:$CONSUMER_METRICS_PORT   (pid ${PIDS[promotion-consumer]})   /metrics, /readyz"
fi
echo "  PostgreSQL          127.0.0.1:21432   (scripts/stack.sh psql dev)"
echo "  RabbitMQ            127.0.0.1:21672   (scripts/stack.sh mqctl dev list_queues)"
echo "  logs                $log_dir/   (stack: .run/dev/pg/log, .run/dev/mq/log; front door: .run/dev/front-door)"
echo
echo "  open http://localhost:$FRONT_DOOR_PORT"
echo
echo "  Ctrl-C (or make down) stops the services and the stack."

# Any service exiting ends the session (the EXIT trap stops the others and the stack).
set +e
wait -n "${PIDS[@]}"
rc=$?
set -e
if ((stopping == 0)); then
  if ! compgen -G "$PID_DIR/*.pid" >/dev/null; then
    echo "up: services stopped by make down"
    exit 0
  fi
  for name in "${!PIDS[@]}"; do
    pid_alive "${PIDS[$name]}" || echo "up: $name exited (code $rc)" >&2
  done
  exit $((rc == 0 ? 1 : rc))
fi

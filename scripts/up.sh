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

claim_pid_dir

declare -A PIDS=()
stop_on_exit up "$STACK" stop dev

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
supervise

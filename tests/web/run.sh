#!/usr/bin/env bash
# The web tests, for CTest (tests/CMakeLists.txt):
#   tests/web/run.sh unit BUILD_DIR          the web app's unit tests (Vitest, web/src/*.test.ts)
#   tests/web/run.sh front-door BUILD_DIR    the front door's routing, headers, limits and client address
#   tests/web/run.sh walkthrough BUILD_DIR   the README's curl walk-through, run as written, through the front door
#   tests/web/run.sh browser BUILD_DIR       the web app in headless Chromium through the front door
# The last three start, on fixed test ports, the front door (scripts/front-door.sh, serving web/dist: run
# scripts/build-web.sh first), both services and the consumer of BUILD_DIR, against the stack of DB_URI and
# MQ_URI (`eval "$(scripts/stack.sh env test)"`) with databases and a queue of their own; all stopped and the
# databases dropped at the end. Exit 77 (skipped) without DB_URI and MQ_URI.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
mode=${1:-}
build=$(cd "${2:-.}" && pwd)

case $mode in
  unit) cd "$ROOT/web" && NO_COLOR=1 exec npx vitest run ;;
  # front door, users, promotion, consumer metrics: a set per test, since a port just closed may not bind again at once
  front-door) ports=(22580 22520 22521 22522) ;;
  walkthrough) ports=(22581 22523 22524 22525) ;;
  browser) ports=(22582 22526 22527 22528) ;;
  *) echo "usage: tests/web/run.sh unit|front-door|walkthrough|browser BUILD_DIR" >&2; exit 2 ;;
esac

if [[ -z "${DB_URI:-}" || -z "${MQ_URI:-}" ]]; then
  echo "run.sh: DB_URI and MQ_URI are not set (eval \"\$(scripts/stack.sh env test)\"): skipped"
  exit 77
fi
[[ -f "$ROOT/web/dist/index.html" ]] || { echo "run.sh: web/dist is not built; run scripts/build-web.sh" >&2; exit 1; }
for port in "${ports[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "run.sh: something already answers on port $port" >&2
    exit 1
  fi
done

work=$(mktemp -d)
suffix=$(tr -d - </proc/sys/kernel/random/uuid | head -c 12)
databases=("web_users_$suffix" "web_promotion_$suffix")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for database in "${databases[@]}"; do
    psql -q "$DB_URI/postgres" -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
# On failure: what the processes said.
report() {
  for log in "$work"/*.log "$work/front-door/error.log"; do
    [[ -s "$log" ]] && { echo "---- $log (tail)"; tail -n 40 "$log"; }
  done
  return 1
}

export USERS_DB_URI=$DB_URI/${databases[0]} PROMOTION_DB_URI=$DB_URI/${databases[1]}
export MQ_PROMOTION_ROUTING_KEY=web_$suffix LOG_DIR=$work/logs HOST=127.0.0.1 WORKERS=1
export PRIVATE_KEY=${PRIVATE_KEY:-$ROOT/.run/keys/private.pem} PUBLIC_KEY=${PUBLIC_KEY:-$ROOT/.run/keys/public.pem}
# The front door is the services' trusted proxy: its X-Forwarded-For names the client.
export TRUSTED_PROXIES=127.0.0.1/32
users=$build/services/users/users-service
promotion=$build/services/promotion/promotion-service

"$users" migrate >"$work/migrate.log" 2>&1 || report
"$promotion" migrate >>"$work/migrate.log" 2>&1 || report

# exec: $! is the process itself, so that cleanup stops it.
start() {
  local name=$1
  shift
  (cd "$work" && exec "$@" >"$work/$name.log" 2>&1) &
  pids+=($!)
}
case $mode in
  # Few logins per client, so the test can run out of them.
  front-door) export LOGIN_RATE=3 LOGIN_BURST=3 ;;
  browser) export LOGIN_RATE=20 LOGIN_BURST=20 ;;
esac
start users "$users" serve --port "${ports[1]}"
start promotion "$promotion" serve --port "${ports[2]}"
PROMOTION_PID=$!
METRICS_PORT=${ports[3]} start consumer "$promotion" consume --tasks 4
start front-door "$ROOT/scripts/front-door.sh" "$work/front-door" "${ports[0]}" "127.0.0.1:${ports[1]}" "127.0.0.1:${ports[2]}"

for url in "http://127.0.0.1:${ports[1]}/readyz" "http://127.0.0.1:${ports[2]}/readyz" \
  "http://127.0.0.1:${ports[3]}/readyz" "http://127.0.0.1:${ports[0]}/"; do
  for _ in $(seq 300); do curl -fsS -o /dev/null "$url" 2>/dev/null && break; sleep 0.1; done
done
# The answers must come from the processes just started, not from ones left on the ports.
for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || report; done

export FRONT_DOOR_URL=http://127.0.0.1:${ports[0]} FRONT_DOOR_LOG=$work/front-door/access.log
export USERS_LOG=$work/users.log CONSUMER_METRICS_URL=http://127.0.0.1:${ports[3]}/metrics
export PROMOTION_PID USERS_BIN=$users
case $mode in
  front-door) node --test "$ROOT/tests/web/front_door.test.mjs" || report ;;
  walkthrough) node --test "$ROOT/tests/web/walkthrough.test.mjs" || report ;;
  browser)
    export ADMIN_USERNAME=admin ADMIN_PASSWORD='admin password 123'
    printf '%s\n' "$ADMIN_PASSWORD" | "$users" create-admin --username "$ADMIN_USERNAME" >"$work/create-admin.log" 2>&1 || report
    export SCREENSHOT_DIR=${SCREENSHOT_DIR:-$ROOT/.run/web-screenshots}
    node --test "$ROOT/tests/web/browser.test.mjs" || report
    ;;
esac

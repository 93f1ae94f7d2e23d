#!/usr/bin/env bash
# The Node tests of tests/api against the real binaries, for CTest (tests/CMakeLists.txt):
#   tests/api/run.sh documents BUILD_DIR   lint and merge of what `<service> openapi` prints
#   tests/api/run.sh responses BUILD_DIR   $API_RESPONSES_FILE (recorded by the end-to-end tests) against them
#   tests/api/run.sh docs-page BUILD_DIR   /docs of both services in headless Chromium
# docs-page starts both services (their API needs no database for this) on the test ports 22510 and 22511.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
mode=$1
build=$(cd "$2" && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

binary() { echo "$build/services/$1/$1-service"; }
for service in users promotion; do
  (cd "$work" && LOG_DIR="$work/logs" "$(binary "$service")" openapi >"$work/$service.json")
done
export USERS_OPENAPI=$work/users.json PROMOTION_OPENAPI=$work/promotion.json

case $mode in
  documents) exec node --test "$ROOT/tests/api/lint.test.mjs" "$ROOT/tests/api/merge.test.mjs" ;;
  responses)
    : "${API_RESPONSES_FILE:?is not set: run the end-to-end tests with it first}"
    exec node --test "$ROOT/tests/api/responses.test.mjs"
    ;;
  docs-page)
    declare -A ports=([users]=22510 [promotion]=22511)
    for service in users promotion; do
      if curl -fsS "http://127.0.0.1:${ports[$service]}/healthz" >/dev/null 2>&1; then
        echo "run.sh: something already answers on port ${ports[$service]}" >&2
        exit 1
      fi
      # exec: $! is the service itself, so that cleanup stops it.
      (cd "$work" && exec env LOG_DIR="$work/logs" HOST=127.0.0.1 PORT="${ports[$service]}" WORKERS=1 \
        DB_URI="${DB_URI:-postgresql://app@127.0.0.1:1}" MQ_URI="${MQ_URI:-amqp://guest:guest@127.0.0.1:1}" \
        OUTBOX_RELAY=off "$(binary "$service")" serve >"$work/$service.log" 2>&1) &
      pids+=($!)
    done
    for i in 0 1; do
      service=$([[ $i == 0 ]] && echo users || echo promotion)
      port=${ports[$service]}
      for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
      # The answer must come from the process just started, not from one left on the port.
      kill -0 "${pids[$i]}" 2>/dev/null || { cat "$work/$service.log"; exit 1; }
      DOCS_URL=http://127.0.0.1:$port/docs OPENAPI_URL=http://127.0.0.1:$port/openapi.json \
        node --test "$ROOT/tests/api/docs_page.test.mjs" || { cat "$work/$service.log"; exit 1; }
    done
    ;;
  *) echo "usage: tests/api/run.sh documents|responses|docs-page BUILD_DIR" >&2; exit 2 ;;
esac

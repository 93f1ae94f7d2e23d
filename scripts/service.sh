#!/usr/bin/env bash
# Runs one service command against the dev stack: the one behind `make migrate`, `make run` and
# `make run-consumer`.
#   scripts/service.sh <users|promotion> <serve|consume|migrate|create-admin ...> [flags...]
# Starts the dev stack if needed (scripts/stack.sh start dev; a no-op when running), creates the
# keys and .env when absent, and exports the dev stack's DB_URI/MQ_URI only where neither the
# environment nor .env sets them. Binary: build/${BUILD_PRESET:-release}/services/<app>/<app>-service.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

app=${1:-}
valid_app "$app" || { echo "service: app must be users or promotion (got '${app}')" >&2; exit 2; }
shift
(($# > 0)) || { echo "service: missing the $app-service command" >&2; exit 2; }

bin=$(service_bin "$app" "${BUILD_PRESET:-release}")
[[ -x "$bin" ]] || { echo "service: $bin not found; run make build" >&2; exit 1; }

"$STACK" start dev
"$ROOT/scripts/keys.sh"
ensure_dotenv
export_stack_defaults dev
exec "$bin" "$@"

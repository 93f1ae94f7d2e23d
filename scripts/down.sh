#!/usr/bin/env bash
# `make down`: stops the services started by `make up` (pid files in .run/dev/pids) and the dev stack.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stop_services "$ROOT/.run/dev/pids"
"$STACK" stop dev

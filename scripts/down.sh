#!/usr/bin/env bash
# `make down`: stops the services started by `make up` (pid files in .run/dev/pids) and the dev stack, and
# those of `make up-cluster` (.run/cluster/pids) and the cluster when it was ever started.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stop_services "$ROOT/.run/dev/pids"
"$STACK" stop dev
if [[ -d "$ROOT/.run/cluster" ]]; then
  stop_services "$ROOT/.run/cluster/pids"
  "$ROOT/scripts/cluster.sh" stop cluster
fi

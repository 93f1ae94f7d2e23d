#!/usr/bin/env bash
# `make create-migration app=users name=add_index`:
# creates services/<app>/migrations/<unix-timestamp>_<name>.sql and prints its path.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

app=${1:-}
name=${2:-}
valid_app "$app" || { echo "create-migration: app must be users or promotion (got '${app}')" >&2; exit 2; }
[[ "$name" =~ ^[a-z0-9_]+$ ]] ||
  { echo "create-migration: name must match [a-z0-9_]+ (got '${name}')" >&2; exit 2; }

dir=$ROOT/services/$app/migrations
mkdir -p "$dir"
ts=$(date +%s)
# Two migrations in the same second still get distinct, ordered versions.
while compgen -G "$dir/${ts}_*.sql" >/dev/null; do ts=$((ts + 1)); done
file=$dir/${ts}_${name}.sql
cat >"$file" <<SQL
-- $app: ${ts}_${name} (created $(date -u +%Y-%m-%dT%H:%M:%SZ))
-- Runs once, inside a transaction of its own; do not add BEGIN/COMMIT.
-- Applied migrations are checksummed: never edit this file after it ran anywhere, add a new one.

SQL
echo "${file#"$ROOT"/}"

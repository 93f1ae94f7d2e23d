#!/usr/bin/env bash
# The bench-only tools, from Debian's packages, installed only when missing (never by make up):
# wrk (the HTTP load generator) and nginx-light (the B1 ceiling). pgbench comes with PostgreSQL 15.
set -euo pipefail

missing=()
command -v wrk >/dev/null || missing+=(wrk)
[[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
((${#missing[@]})) || exit 0

echo "bench: installing ${missing[*]}" >&2
sudo=()
(($(id -u) == 0)) || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

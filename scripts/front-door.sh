#!/usr/bin/env bash
# The front door: renders deploy/nginx/nginx.conf.template into a run directory and runs nginx from
# there in the foreground (the caller owns the process; SIGTERM stops it). It serves web/dist (built
# by scripts/build-web.sh) and proxies the API to the two services' replicas.
#   scripts/front-door.sh RUN_DIR PORT USERS_ADDRESSES PROMOTION_ADDRESSES
#   e.g. scripts/front-door.sh .run/dev/front-door 8080 127.0.0.1:5000 127.0.0.1:5001
# Each ADDRESSES is one host:port or a comma-separated list of them, one per replica (make up-cluster).
# Run as root, nginx's master binds the port and its workers run as the owner of web/dist, who can read
# it (nobody may not: a checkout under /root); run as anyone else, nginx runs as that user. Everything
# it writes (pid, logs, temporary files) is under RUN_DIR.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NGINX=${NGINX:-/usr/sbin/nginx}

if (($# != 4)); then
  echo "usage: scripts/front-door.sh RUN_DIR PORT USERS_ADDRESSES PROMOTION_ADDRESSES" >&2
  exit 2
fi
if [[ ! -f "$ROOT/web/dist/index.html" ]]; then
  echo "front-door: web/dist/index.html is missing; run scripts/build-web.sh" >&2
  exit 1
fi

# An upstream group's `server` lines, one per address. Passive health checks: a replica that refuses
# or drops a connection (max_fails=1) gets no request for fail_timeout, then one to try it again.
upstream_servers() { # name addresses
  local address lines=
  local -a addresses
  IFS=, read -r -a addresses <<<"$2"
  for address in "${addresses[@]}"; do
    [[ "$address" =~ ^[A-Za-z0-9.-]+:[0-9]+$ ]] || { echo "front-door: $1 address '$address' is not host:port" >&2; exit 2; }
    lines+="server $address max_fails=1 fail_timeout=5s; "
  done
  [[ -n "$lines" ]] || { echo "front-door: no $1 address" >&2; exit 2; }
  echo "$lines"
}

mkdir -p "$1/temp"
FRONT_DOOR_RUN_DIR=$(cd "$1" && pwd)
USERS_SERVERS=$(upstream_servers users "$3")
PROMOTION_SERVERS=$(upstream_servers promotion "$4")
export FRONT_DOOR_RUN_DIR FRONT_DOOR_PORT=$2 USERS_SERVERS PROMOTION_SERVERS
export WEB_ROOT=$ROOT/web/dist NGINX_CONF_DIR=$ROOT/deploy/nginx
FRONT_DOOR_USER=
((EUID == 0)) && FRONT_DOOR_USER="user $(stat -c '%U %G' "$WEB_ROOT");"
export FRONT_DOOR_USER
conf=$FRONT_DOOR_RUN_DIR/nginx.conf
# Only these names (single-quoted on purpose): nginx's own $variables stay as they are.
# shellcheck disable=SC2016
envsubst '${FRONT_DOOR_USER} ${FRONT_DOOR_RUN_DIR} ${FRONT_DOOR_PORT} ${USERS_SERVERS} ${PROMOTION_SERVERS} ${WEB_ROOT} ${NGINX_CONF_DIR}' \
  <"$NGINX_CONF_DIR/nginx.conf.template" >"$conf"
"$NGINX" -t -q -p "$FRONT_DOOR_RUN_DIR" -c "$conf"
exec "$NGINX" -p "$FRONT_DOOR_RUN_DIR" -c "$conf" -g 'daemon off;'

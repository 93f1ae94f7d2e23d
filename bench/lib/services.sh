# shellcheck shell=bash
# Starting the processes under test, with the settings of run.sh, and the nginx of B1's ceiling.
# Needs: procs.sh, seed.sh (binaries), WORK BENCH and the *_PORT, WORKERS, DB_POOL_SIZE settings.

start_users() {
  start_http users "$USERS_PORT" WORKERS="$WORKERS" DB_POOL_SIZE="$DB_POOL_SIZE" HASH_THREADS="$HASH_THREADS" \
    TRUSTED_PROXIES=127.0.0.1/32 \
    -- "$USERS_BIN" serve --port "$USERS_PORT"
}

start_promotion() {
  start_http promotion "$PROMOTION_PORT" WORKERS="$WORKERS" DB_POOL_SIZE="$DB_POOL_SIZE" \
    -- "$PROMOTION_BIN" serve --port "$PROMOTION_PORT"
}

start_nginx() {
  sed -e "s#@WORK@#$WORK#g" -e "s#@PORT@#$NGINX_PORT#g" "$BENCH/nginx.conf.in" >"$WORK/nginx.conf"
  spawn nginx -- /usr/sbin/nginx -e stderr -p "$WORK" -c "$WORK/nginx.conf" -g 'daemon off;'
  local i
  for ((i = 0; i < 200; i++)); do
    [[ $(http_status "$NGINX_PORT" /healthz) == 200 ]] && return 0
    sleep 0.01
  done
  die "nginx did not start (log: $WORK/logs/nginx.out)"
}

# start_consumer TASKS: the first-login consumer (no HTTP: not timed to ready).
start_consumer() {
  spawn consumer WORKERS="$WORKERS" DB_POOL_SIZE="$DB_POOL_SIZE" METRICS_PORT="$CONSUMER_METRICS_PORT" -- "$PROMOTION_BIN" consume --tasks "$1"
}

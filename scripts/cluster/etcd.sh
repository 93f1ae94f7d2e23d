# shellcheck shell=bash
# etcd: the three-member store where Patroni keeps the leader key and the cluster's configuration.
# Each member runs as the `etcd` user (Debian's etcd-server) with its data under .run/<profile>/etcd/N.

ETCD_USER=etcd

etcd_dir() { echo "$RUN_DIR/etcd/$1"; }
etcd_pid() { pidfile_pid "$(etcd_dir "$1")/etcd.pid" "--data-dir $(etcd_dir "$1")/data"; }

etcd_endpoints() {
  local n out=()
  for n in "${MEMBERS[@]}"; do out+=("127.0.0.1:$(etcd_client_port "$n")"); done
  join_by , "${out[@]}"
}

etcdctl_() { ETCDCTL_API=3 etcdctl --endpoints="$(etcd_endpoints)" --dial-timeout=2s --command-timeout=5s "$@"; }

etcd_start_member() {
  local n=$1 dir pid initial=() m
  dir=$(etcd_dir "$n")
  if pid=$(etcd_pid "$n"); then
    note "etcd $n ($PROFILE): already running (pid $pid)"
    return 0
  fi
  owned_dir "$ETCD_USER" "$RUN_DIR/etcd" "$dir"
  for m in "${MEMBERS[@]}"; do initial+=("etcd$m=http://127.0.0.1:$(etcd_peer_port "$m")"); done
  # Heartbeat and election timeouts above the defaults (100/1000 ms): a busy 2-core machine must not
  # make the members elect a new leader for nothing. The state flag only counts on the first start.
  spawn "$dir/etcd.pid" "$dir/etcd.log" "$ETCD_USER" /usr/bin/etcd \
    --name "etcd$n" --data-dir "$dir/data" \
    --listen-client-urls "http://127.0.0.1:$(etcd_client_port "$n")" \
    --advertise-client-urls "http://127.0.0.1:$(etcd_client_port "$n")" \
    --listen-peer-urls "http://127.0.0.1:$(etcd_peer_port "$n")" \
    --initial-advertise-peer-urls "http://127.0.0.1:$(etcd_peer_port "$n")" \
    --initial-cluster "$(join_by , "${initial[@]}")" --initial-cluster-state new \
    --initial-cluster-token "$SCOPE" \
    --heartbeat-interval 200 --election-timeout 2000 \
    --auto-compaction-retention 1h --quota-backend-bytes $((256 * 1024 * 1024)) \
    --logger zap --log-level warn
}

etcd_start() {
  local n t0 deadline=$((SECONDS + START_TIMEOUT))
  t0=$(now_us)
  for n in "${MEMBERS[@]}"; do etcd_start_member "$n"; done
  until etcdctl_ endpoint health >/dev/null 2>&1; do
    for n in "${MEMBERS[@]}"; do
      etcd_pid "$n" >/dev/null || { tail -n 20 "$(etcd_dir "$n")/etcd.log" >&2; die "etcd $n exited during start"; }
    done
    ((SECONDS < deadline)) || die "etcd ($PROFILE) not healthy after ${START_TIMEOUT}s (logs: $RUN_DIR/etcd/*/etcd.log)"
    sleep 0.3
  done
  note "etcd ($PROFILE): 3 members healthy on $(etcd_endpoints) in $(elapsed "$t0")"
}

etcd_stop() {
  local n pid
  for n in "${MEMBERS[@]}"; do
    if pid=$(etcd_pid "$n"); then terminate "$pid" 10; fi
    rm -f "$(etcd_dir "$n")/etcd.pid"
  done
  note "etcd ($PROFILE): stopped"
}

etcd_status() {
  local n pid rc=0
  for n in "${MEMBERS[@]}"; do
    if pid=$(etcd_pid "$n"); then
      echo "etcd $n ($PROFILE): running, pid $pid, client 127.0.0.1:$(etcd_client_port "$n"), peer $(etcd_peer_port "$n")"
    else
      echo "etcd $n ($PROFILE): stopped"
      rc=1
    fi
  done
  return "$rc"
}

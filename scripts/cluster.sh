#!/usr/bin/env bash
# The project-local cluster (design §10): three RabbitMQ nodes of one cluster, three PostgreSQL members
# under Patroni with a three-member etcd, all on 127.0.0.1 from Debian's packages, with their data under
# .run/<profile>/ and nothing outside the checkout modified. See `scripts/cluster.sh help`.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/cluster/common.sh
source "$ROOT/scripts/cluster/common.sh"
# shellcheck source=scripts/cluster/etcd.sh
source "$ROOT/scripts/cluster/etcd.sh"
# shellcheck source=scripts/cluster/patroni.sh
source "$ROOT/scripts/cluster/patroni.sh"
# shellcheck source=scripts/cluster/rabbitmq.sh
source "$ROOT/scripts/cluster/rabbitmq.sh"

usage() {
  cat <<'EOF'
usage: scripts/cluster.sh <command> [profile] [args...]

profile: cluster (default; or $CLUSTER_PROFILE when set), cluster-test (make test-cluster) or
cluster-bench (make bench-cluster: the layout below at 23101-23199).

  start            etcd, the three Patroni members (waits for a leader and a synchronous standby) and the
                   three RabbitMQ nodes; what already runs is left as it is
  stop             everything, standbys before the leader; also the nodes' epmd
  status           every process, Patroni's view of the members; exit 0 when all run
  env              print `export` lines: DB_URI (libpq multi-host, read-write), MQ_URI (one amqp URI per
                   node, comma-separated), MQ_QUORUM_INITIAL_GROUP_SIZE=3, TEST_PG_URI, CLUSTER_PROFILE
                   e.g. eval "$(scripts/cluster.sh env cluster-test)"
  pg-leader        the leader member's number (1-3)
  kill-pg-leader   SIGKILL the leader's Patroni and postmaster together (a crash, not a switchover)
  start-pg-member N
  mq-queue-leader QUEUE    the number of the node leading a quorum queue
  kill-mq-node N   SIGKILL node N's Erlang VM
  start-mq-node N
  psql [psql args...]      as superuser on the leader (multi-host, read-write), database postgres unless given
  mqctl [rabbitmqctl args...]   against the first running node
  patronictl [args...]     e.g. scripts/cluster.sh patronictl list
  reset            stop everything and delete the profile's data (.run/<profile>/)

ports (all on 127.0.0.1)      cluster             cluster-test
  PostgreSQL members 1-3      20101-20103         20601-20603
  Patroni REST API 1-3        20111-20113         20611-20613
  etcd client 1-3             20121-20123         20621-20623
  etcd peer 1-3               20131-20133         20631-20633
  RabbitMQ epmd               20169               20669
  RabbitMQ AMQP 1-3           20171-20173         20671-20673
  Erlang distribution 1-3     20181-20183         20681-20683
  rabbitmqctl distribution    20190-20199         20690-20699
  users-service 1-2           20201-20202         (make up-cluster; tests/cluster: scenario N, 1-3, uses
  promotion-service 1-2       20211-20212          20700 + 10(N-1) + 1..8: users +1 +2, promotion +3 +4,
  consumer metrics 1-2        20221-20222          consumers +5 +6, front door +8)
  front door (nginx)          20280
EOF
}

print_env() {
  local n mq=() pg
  for n in "${MEMBERS[@]}"; do mq+=("amqp://$APP_USER:$APP_PASSWORD@127.0.0.1:$(mq_port "$n")/%2f"); done
  pg="postgresql://$APP_USER:$APP_PASSWORD@$(pg_hosts)"
  echo "export DB_URI='$pg/?target_session_attrs=read-write'"
  echo "export MQ_URI='$(join_by , "${mq[@]}")'"
  echo "export MQ_QUORUM_INITIAL_GROUP_SIZE=3"
  echo "export TEST_PG_URI='$pg/postgres?target_session_attrs=read-write'"
  echo "export CLUSTER_PROFILE=$PROFILE"
}

cluster_start() {
  local t0
  t0=$(now_us)
  etcd_start
  patroni_start
  mq_start "${MEMBERS[@]}"
  note "$PROFILE: up in $(elapsed "$t0")"
}

cluster_stop() {
  mq_stop
  patroni_stop
  etcd_stop
}

cluster_status() {
  local rc=0
  etcd_status || rc=1
  patroni_status || rc=1
  mq_status || rc=1
  return "$rc"
}

# ---------------------------------------------------------------------- main

cmd=${1:-help}
shift || true
profile=${CLUSTER_PROFILE:-cluster}
if [[ "${1:-}" == cluster || "${1:-}" == cluster-test || "${1:-}" == cluster-bench ]]; then
  profile=$1
  shift
fi
set_profile "$profile"

no_args() {
  (($# == 0)) || die "'$cmd' takes only a profile (got: $*)"
}
one_member() {
  (($# == 1)) || die "'$cmd' takes a member number (1-3)"
  valid_member "$1"
}

case "$cmd" in
  start)           no_args "$@"; lock_profile; cluster_start ;;
  stop)            no_args "$@"; lock_profile; cluster_stop ;;
  status)          no_args "$@"; cluster_status ;;
  env)             no_args "$@"; print_env ;;
  pg-leader)       no_args "$@"; pg_leader || die "patroni ($PROFILE): no leader" ;;
  kill-pg-leader)  no_args "$@"; lock_profile; pg_kill_leader ;;
  start-pg-member) one_member "$@"; lock_profile; pg_start_member "$1" ;;
  mq-queue-leader) (($# == 1)) || die "'$cmd' takes a queue name"; mq_queue_leader "$1" ;;
  kill-mq-node)    one_member "$@"; lock_profile; mq_kill_node "$1" ;;
  start-mq-node)   one_member "$@"; lock_profile; mq_start "$1" ;;
  psql)
    hosts=$(pg_hosts)
    PGHOST=$(join_by , 127.0.0.1 127.0.0.1 127.0.0.1) PGPORT=${hosts//127.0.0.1:/} \
      PGTARGETSESSIONATTRS=read-write PGUSER=postgres PGPASSWORD=$PG_SUPERUSER_PASSWORD PGDATABASE=postgres \
      PGCONNECT_TIMEOUT=5 exec "$PG_BIN/psql" "$@"
    ;;
  mqctl)
    n=$(mq_any_node) || die "rabbitmq ($PROFILE): no node runs"
    mq_as_node "$n" "$MQ_BIN/rabbitmqctl" "$@"
    ;;
  patronictl)
    as_user "$PG_USER" patronictl -c "$(patroni_conf 1)" "$@"
    ;;
  reset)
    no_args "$@"; lock_profile; cluster_stop
    rm -rf "$RUN_DIR/etcd" "$RUN_DIR/pg" "$RUN_DIR/mq"
    note "$PROFILE: data deleted"
    ;;
  help | -h | --help) usage ;;
  *) usage >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# `make up-cluster`: the whole system on the local cluster (scripts/cluster.sh, profile cluster): three
# RabbitMQ nodes, three PostgreSQL members under Patroni, then the migrations, two users-service replicas
# (each with its outbox relay), the front door over them, two promotion-service replicas (verifying
# against the key set through the front door) and two consumers. Waits; Ctrl-C (or SIGTERM, or any of
# them exiting) stops them and the cluster; `make down` does the same from another terminal. Expects the
# release build (make build) and the web app's (make build-web).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=scripts/cluster/common.sh
source "$ROOT/scripts/cluster/common.sh"
cd "$ROOT"

CLUSTER=$ROOT/scripts/cluster.sh
set_profile cluster
# users +201, +202; promotion +211, +212; consumers' metrics +221, +222 (README "Ports").
USERS_PORTS=($((SERVICE_PORT_BASE + 1)) $((SERVICE_PORT_BASE + 2)))
PROMOTION_PORTS=($((SERVICE_PORT_BASE + 11)) $((SERVICE_PORT_BASE + 12)))
CONSUMER_PORTS=($((SERVICE_PORT_BASE + 21)) $((SERVICE_PORT_BASE + 22)))
PID_DIR=$RUN_DIR/pids
USERS_BIN=$(service_bin users)
PROMOTION_BIN=$(service_bin promotion)

for bin in "$USERS_BIN" "$PROMOTION_BIN"; do
  [[ -x "$bin" ]] || { echo "up-cluster: $bin not found; run make build" >&2; exit 1; }
done
claim_pid_dir

declare -A PIDS=()
stop_on_exit up-cluster "$CLUSTER" stop cluster

"$CLUSTER" start cluster
"$ROOT/scripts/keys.sh"
ensure_dotenv
# The cluster's addresses win over .env's (which names the dev stack): DB_URI, MQ_URI and
# MQ_QUORUM_INITIAL_GROUP_SIZE=3, so that every queue and the stream live on all three nodes.
eval "$("$CLUSTER" env cluster)"
export DB_URI MQ_URI MQ_QUORUM_INITIAL_GROUP_SIZE
# The front door on this host is the services' trusted proxy: its X-Forwarded-For names the client.
export_default TRUSTED_PROXIES 127.0.0.1/32
export_default PREVIOUS_PUBLIC_KEYS "$ROOT/.run/keys/previous"
log_dir=$ROOT/logs/cluster

"$USERS_BIN" migrate
"$PROMOTION_BIN" migrate

addresses() { local p out=(); for p in "$@"; do out+=("127.0.0.1:$p"); done; join_by , "${out[@]}"; }

# Each replica logs under logs/cluster/<name>/.
for i in 1 2; do
  LOG_DIR=$log_dir/users-$i start_service "users-$i" "$USERS_BIN" serve --port "${USERS_PORTS[i - 1]}"
done
start_service front-door "$ROOT/scripts/front-door.sh" "$RUN_DIR/front-door" "$FRONT_DOOR_PORT" \
  "$(addresses "${USERS_PORTS[@]}")" "$(addresses "${PROMOTION_PORTS[@]}")"
for i in 1 2; do wait_port "users-$i" "${USERS_PORTS[i - 1]}"; done
wait_port front-door "$FRONT_DOOR_PORT"
# promotion-service fetches the key set through the front door, from whichever users replica lives.
export JWKS_URI="http://127.0.0.1:$FRONT_DOOR_PORT/.well-known/jwks.json"
for i in 1 2; do
  LOG_DIR=$log_dir/promotion-$i start_service "promotion-$i" "$PROMOTION_BIN" serve --port "${PROMOTION_PORTS[i - 1]}"
  LOG_DIR=$log_dir/consumer-$i METRICS_PORT=${CONSUMER_PORTS[i - 1]} \
    start_service "consumer-$i" "$PROMOTION_BIN" consume
done
for i in 1 2; do
  wait_port "promotion-$i" "${PROMOTION_PORTS[i - 1]}"
  wait_port "consumer-$i" "${CONSUMER_PORTS[i - 1]}"
done

echo
echo "  front door          http://localhost:$FRONT_DOOR_PORT   (pid ${PIDS[front-door]})   the web app; the API over the replicas"
for i in 1 2; do
  echo "  users-service $i     http://127.0.0.1:${USERS_PORTS[i - 1]}   (pid ${PIDS[users-$i]})   with its outbox relay; /docs, /metrics"
done
for i in 1 2; do
  echo "  promotion-service $i http://127.0.0.1:${PROMOTION_PORTS[i - 1]}   (pid ${PIDS[promotion-$i]})   /docs, /metrics"
done
for i in 1 2; do
  echo "  consumer $i          http://127.0.0.1:${CONSUMER_PORTS[i - 1]}   (pid ${PIDS[consumer-$i]})   /metrics, /readyz"
done
echo "  PostgreSQL          127.0.0.1:$(pg_port 1)-$(pg_port 3)   leader: member $("$CLUSTER" pg-leader cluster)   (scripts/cluster.sh psql; patronictl list)"
echo "  Patroni REST        127.0.0.1:$((PATRONI_PORT_BASE + 1))-$((PATRONI_PORT_BASE + 3));  etcd 127.0.0.1:$((ETCD_CLIENT_PORT_BASE + 1))-$((ETCD_CLIENT_PORT_BASE + 3))"
echo "  RabbitMQ            127.0.0.1:$((MQ_PORT_BASE + 1))-$((MQ_PORT_BASE + 3))   (scripts/cluster.sh mqctl list_queues name type leader members)"
echo "  logs                logs/cluster/<name>/   (cluster: .run/cluster/{etcd,pg,mq}/<N>/; front door: .run/cluster/front-door)"
echo
echo "  open http://localhost:$FRONT_DOOR_PORT"
echo
echo "  Ctrl-C (or make down) stops the services and the cluster."

# Any service exiting ends the session (the EXIT trap stops the others and the cluster).
supervise

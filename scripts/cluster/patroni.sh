# shellcheck shell=bash
# PostgreSQL 15 under Patroni: three members, one leader (read-write) and two streaming standbys, one of
# them synchronous. Patroni and PostgreSQL run as the `postgres` user; member N keeps its data, its
# unix socket, its configuration and its logs under .run/<profile>/pg/N.

PG_USER=postgres

pg_dir() { echo "$RUN_DIR/pg/$1"; }
patroni_conf() { echo "$(pg_dir "$1")/patroni.yml"; }
patroni_pid() { pidfile_pid "$(pg_dir "$1")/patroni.pid" "$(patroni_conf "$1")"; }
postmaster_pid() {
  local pid
  pid=$(head -n 1 "$(pg_dir "$1")/data/postmaster.pid" 2>/dev/null) || return 1
  alive "$pid" && [[ "$(readlink "/proc/$pid/exe" 2>/dev/null)" == "$PG_BIN/postgres" ]] || return 1
  echo "$pid"
}

# Fast failover for tests and the demo: the leader key lives ttl seconds (10) without renewal, and
# Patroni checks every loop_wait (2) seconds; Patroni requires loop_wait + 2 * retry_timeout <= ttl.
# synchronous_mode: a commit returns once one standby (synchronous_node_count) has it, and only that
# standby may be promoted, so an acknowledged commit survives the leader's death. Not strict: with both
# standbys gone the leader goes on alone (docs/operations.md, "Synchronous replication").
patroni_write_conf() {
  local n=$1 dir
  dir=$(pg_dir "$n")
  as_user "$PG_USER" tee "$(patroni_conf "$n")" >/dev/null <<EOF
# Written by scripts/cluster.sh on every start; edit the script, not this file.
scope: $SCOPE
namespace: /bank/
name: pg$n
restapi:
  listen: 127.0.0.1:$(patroni_port "$n")
  connect_address: 127.0.0.1:$(patroni_port "$n")
etcd3:
  hosts: $(etcd_endpoints)
bootstrap:
  dcs:
    ttl: 10
    loop_wait: 2
    retry_timeout: 4
    maximum_lag_on_failover: 1048576
    synchronous_mode: true
    synchronous_mode_strict: false
    synchronous_node_count: 1
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        max_connections: 200
        max_wal_senders: 10
        max_replication_slots: 10
        wal_keep_size: 256MB
        hot_standby: 'on'
        synchronous_commit: 'on'
        fsync: 'on'
        full_page_writes: 'on'
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
postgresql:
  listen: 127.0.0.1:$(pg_port "$n")
  connect_address: 127.0.0.1:$(pg_port "$n")
  data_dir: $dir/data
  bin_dir: $PG_BIN
  pgpass: $dir/pgpass
  use_unix_socket: true
  remove_data_directory_on_rewind_failure: true
  remove_data_directory_on_diverged_timelines: true
  authentication:
    superuser:
      username: postgres
      password: $PG_SUPERUSER_PASSWORD
    replication:
      username: replicator
      password: $PG_REPLICATION_PASSWORD
  parameters:
    unix_socket_directories: '$dir'
    unix_socket_permissions: '0700'
    log_destination: stderr
    logging_collector: 'on'
    log_directory: $dir/log
    log_filename: postgresql.log
    log_line_prefix: '%m [%p] %q%u@%d '
  pg_hba:
    - local all all trust
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
EOF
}

patroni_start_member() {
  local n=$1 dir pid
  dir=$(pg_dir "$n")
  if pid=$(patroni_pid "$n"); then
    note "patroni pg$n ($PROFILE): already running (pid $pid)"
    return 0
  fi
  owned_dir "$PG_USER" "$RUN_DIR/pg" "$dir" "$dir/log"
  patroni_write_conf "$n"
  spawn "$dir/patroni.pid" "$dir/patroni.log" "$PG_USER" /usr/bin/patroni "$(patroni_conf "$n")"
}

# The members as Patroni reports them: one line each, "name role state lag", from the first member
# whose REST API answers.
patroni_members() {
  local n body
  for n in "${MEMBERS[@]}"; do
    body=$(curl -fsS --max-time 2 "http://127.0.0.1:$(patroni_port "$n")/cluster" 2>/dev/null) || continue
    python3 -c '
import json, sys
for m in json.loads(sys.argv[1])["members"]:
    print(m["name"], m["role"], m["state"], m.get("lag", 0))' "$body" && return 0
  done
  return 1
}

# The leader member's number, when there is one running.
pg_leader() {
  local name
  name=$(patroni_members | awk '$2 == "leader" && $3 == "running" { print $1 }') || return 1
  [[ "$name" =~ ^pg[123]$ ]] || return 1
  echo "${name#pg}"
}

# Waits for a running leader and a running synchronous standby among `want` running members.
patroni_wait() { # want
  local want=$1 deadline=$((SECONDS + START_TIMEOUT)) members
  while :; do
    members=$(patroni_members || true)
    if [[ $(awk '$3 == "running"' <<<"$members" | wc -l) -ge $want ]] &&
        grep -q ' leader running' <<<"$members" &&
        { ((want < 2)) || grep -q ' sync_standby running' <<<"$members"; }; then
      return 0
    fi
    ((SECONDS < deadline)) || { echo "$members" >&2; die "patroni ($PROFILE): not $want running members with a leader after ${START_TIMEOUT}s (logs: $RUN_DIR/pg/*/patroni.log)"; }
    sleep 0.5
  done
}

# psql as superuser over the leader's unix socket.
leader_psql() {
  local n
  n=$(pg_leader) || die "patroni ($PROFILE): no leader"
  PGCONNECT_TIMEOUT=10 "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$(pg_dir "$n")" -p "$(pg_port "$n")" \
    -U postgres -d postgres "$@"
}

patroni_start() {
  local n t0
  t0=$(now_us)
  for n in "${MEMBERS[@]}"; do patroni_start_member "$n"; done
  patroni_wait 3
  # The application role, as scripts/stack.sh makes it; idempotent, replicated to the standbys.
  leader_psql -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$APP_USER') THEN
        CREATE ROLE $APP_USER LOGIN PASSWORD '$APP_PASSWORD' CREATEDB;
      END IF;
    END \$\$;"
  note "patroni ($PROFILE): leader pg$(pg_leader), 3 members running on $(pg_hosts) in $(elapsed "$t0")"
}

pg_hosts() {
  local n out=()
  for n in "${MEMBERS[@]}"; do out+=("127.0.0.1:$(pg_port "$n")"); done
  join_by , "${out[@]}"
}

# Patroni stops its PostgreSQL on SIGTERM. The standbys first, so that the leader's going does not
# make them start an election.
patroni_stop_member() {
  local n=$1 pid
  if pid=$(patroni_pid "$n"); then terminate "$pid" 60; fi
  rm -f "$(pg_dir "$n")/patroni.pid"
  # A postmaster left without its Patroni (killed): stop it too.
  if postmaster_pid "$n" >/dev/null; then
    as_user "$PG_USER" "$PG_BIN/pg_ctl" -D "$(pg_dir "$n")/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
}

patroni_stop() {
  local n leader
  leader=$(pg_leader 2>/dev/null || true)
  for n in "${MEMBERS[@]}"; do
    [[ "$n" == "$leader" ]] || patroni_stop_member "$n" &
  done
  wait
  [[ -n "$leader" ]] && patroni_stop_member "$leader"
  note "patroni ($PROFILE): stopped"
}

# A crash of the leader's machine as far as one host can show it: SIGKILL to Patroni and the postmaster
# at once (no switchover, no leader key released: the others wait out its ttl).
pg_kill_leader() {
  local n pids=() pid
  n=$(pg_leader) || die "patroni ($PROFILE): no leader to kill"
  pid=$(patroni_pid "$n") && pids+=("$pid")
  pid=$(postmaster_pid "$n") && pids+=("$pid")
  kill -KILL "${pids[@]}"
  note "killed pg$n (patroni and postmaster: ${pids[*]})"
}

pg_start_member() {
  local n=$1
  patroni_start_member "$n"
  note "patroni pg$n ($PROFILE): started; it rejoins as a standby (pg_rewind if needed)"
}

patroni_status() {
  local n pid rc=0
  for n in "${MEMBERS[@]}"; do
    if pid=$(patroni_pid "$n"); then
      echo "patroni pg$n ($PROFILE): running, pid $pid, postgres 127.0.0.1:$(pg_port "$n"), rest 127.0.0.1:$(patroni_port "$n")"
    else
      echo "patroni pg$n ($PROFILE): stopped"
      rc=1
    fi
  done
  patroni_members | sed 's/^/  /' || { echo "  no member answers"; rc=1; }
  return "$rc"
}

# shellcheck shell=bash
# RabbitMQ 3.10: three nodes of one cluster (bank-<profile>-N@localhost), one Erlang cookie, one epmd.
# They run as the `rabbitmq` user with their data under .run/<profile>/mq/N and share
# .run/<profile>/mq/home (the cookie). The services declare their queues as quorum queues and their
# stream with an initial group size of 3 (MQ_QUORUM_INITIAL_GROUP_SIZE), so each lives on every node.

MQ_USER=rabbitmq

mq_dir() { echo "$RUN_DIR/mq/$1"; }
mq_node() { echo "bank-$PROFILE-$1@localhost"; }

mq_env() { # member
  local n=$1 dir
  dir=$(mq_dir "$n")
  MQ_ENV=(
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
    LANG=C.UTF-8 LC_ALL=C.UTF-8
    HOME="$RUN_DIR/mq/home"
    RABBITMQ_NODENAME="$(mq_node "$n")"
    RABBITMQ_USE_LONGNAME=false
    RABBITMQ_MNESIA_BASE="$dir/mnesia"
    RABBITMQ_LOG_BASE="$dir/log"
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    RABBITMQ_NODE_PORT="$(mq_port "$n")"
    RABBITMQ_DIST_PORT="$(dist_port "$n")"
    RABBITMQ_CTL_DIST_PORT_MIN="$CTL_DIST_PORT_MIN"
    RABBITMQ_CTL_DIST_PORT_MAX="$CTL_DIST_PORT_MAX"
    ERL_EPMD_PORT="$EPMD_PORT"
    ERL_EPMD_ADDRESS=127.0.0.1
    RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
    RABBITMQ_CONFIG_FILES="$dir/conf.d"
    RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
    RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf"
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
    RABBITMQ_PID_FILE="$dir/rabbitmq.pid"
    # One scheduler per node and no busy-waiting schedulers: three nodes share two cores with
    # everything else. Distribution (the node's and the CLI's) on loopback only.
    "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=+S 1:1 +sbwt none +sbwtdcpu none +sbwtdio none -kernel inet_dist_use_interface {127,0,0,1}"
    "RABBITMQ_CTL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
  )
}

# Runs a RabbitMQ program (rabbitmqctl, rabbitmq-queues ...) against node N, as the node's user with
# the node's own environment and nothing from the caller's.
mq_as_node() { # member program args...
  local n=$1
  shift
  mq_env "$n"
  (cd "$(mq_dir "$n")" && as_user "$MQ_USER" env -i "${MQ_ENV[@]}" "$@") 9>&-
}

mq_pid() {
  local n=$1 pid
  pid=$(head -n 1 "$(mq_dir "$n")/rabbitmq.pid" 2>/dev/null) || return 1
  alive "$pid" || return 1
  tr '\0' '\n' 2>/dev/null <"/proc/$pid/cmdline" | grep -qx 'beam.smp\|.*/beam.smp' || return 1
  tr '\0' '\n' 2>/dev/null <"/proc/$pid/environ" | grep -qx "RABBITMQ_NODENAME=$(mq_node "$n")" || return 1
  echo "$pid"
}

# The cookie every node and CLI call shares; made once per profile.
mq_prepare_home() {
  local home=$RUN_DIR/mq/home
  owned_dir "$MQ_USER" "$RUN_DIR/mq" "$home"
  if [[ ! -s "$home/.erlang.cookie" ]]; then
    openssl rand -hex 24 >"$home/.erlang.cookie"
    chmod 0400 "$home/.erlang.cookie"
    ((IS_ROOT)) && chown "$MQ_USER:$MQ_USER" "$home/.erlang.cookie"
  fi
}

mq_prepare() { # member
  local n=$1 dir m
  dir=$(mq_dir "$n")
  owned_dir "$MQ_USER" "$dir" "$dir/mnesia" "$dir/log" "$dir/conf.d"
  {
    rabbitmq_base_conf "$(mq_port "$n")" scripts/cluster.sh
    cat <<EOF
# A fresh node joins the others (the first to boot forms the cluster); a restarted node rejoins the
# cluster its data names. A node cut off from the majority pauses instead of diverging.
cluster_partition_handling = pause_minority
cluster_formation.peer_discovery_backend = classic_config
EOF
    for m in "${MEMBERS[@]}"; do echo "cluster_formation.classic_config.nodes.$m = $(mq_node "$m")"; done
  } >"$dir/rabbitmq.conf"
  echo '[].' >"$dir/enabled_plugins"   # no plugins (no management UI)
  : >"$dir/rabbitmq-env.conf"          # keeps /etc/rabbitmq/rabbitmq-env.conf out
  ((IS_ROOT)) && chown "$MQ_USER:$MQ_USER" "$dir/rabbitmq.conf" "$dir/enabled_plugins" "$dir/rabbitmq-env.conf"
  return 0
}

declare -A MQ_LAUNCHER=() MQ_LOG_OFFSET=()

# Starts node N's server in its own session (a Ctrl-C aimed at the caller does not reach it). The
# launcher's pid is kept; the node writes its own pid file.
mq_launch() { # member
  local n=$1 dir user=()
  dir=$(mq_dir "$n")
  rm -f "$dir/rabbitmq.pid"
  mq_prepare "$n"
  mq_env "$n"
  ((IS_ROOT)) && user=(setpriv --reuid="$MQ_USER" --regid="$MQ_USER" --init-groups)
  MQ_LOG_OFFSET[$n]=$(stat -c %s "$dir/log/startup.log" 2>/dev/null || echo 0)
  echo "=== $(date -Is) start" >>"$dir/log/startup.log"
  (cd "$dir" && exec setsid "${user[@]}" env -i "${MQ_ENV[@]}" "$MQ_BIN/rabbitmq-server") \
    </dev/null >>"$dir/log/startup.log" 2>&1 9>&- &
  MQ_LAUNCHER[$n]=$!
}

# Waits until node N boots: its AMQP port answers, then `rabbitmqctl await_startup`. Some kernels
# (gVisor) refuse a bind while the previous node's connections are in TIME-WAIT: then launch again.
mq_wait_node() { # member
  local n=$1 dir deadline=$((SECONDS + START_TIMEOUT)) port_deadline=$((SECONDS + 90))
  dir=$(mq_dir "$n")
  while ! port_open "$(mq_port "$n")"; do
    if ! alive "${MQ_LAUNCHER[$n]}"; then
      if tail -c +$((MQ_LOG_OFFSET[$n] + 1)) "$dir/log/startup.log" | grep -q eaddrinuse && ((SECONDS < port_deadline)); then
        note "rabbitmq $n ($PROFILE): port still held by closed connections, retrying in 3s"
        sleep 3
        mq_launch "$n"
        continue
      fi
      tail -n 30 "$dir/log/startup.log" >&2
      die "rabbitmq $n ($PROFILE) exited during start (logs: $dir/log)"
    fi
    ((SECONDS < deadline)) || die "rabbitmq $n ($PROFILE) not listening on $(mq_port "$n") after ${START_TIMEOUT}s (logs: $dir/log)"
    sleep 0.2
  done
  mq_as_node "$n" "$MQ_BIN/rabbitmqctl" -q await_startup --timeout "$START_TIMEOUT" >/dev/null 2>&1 ||
    die "rabbitmq $n ($PROFILE) not up (logs: $dir/log)"
}

# Starts nodes (already running: skipped) and waits for them. A fresh cluster boots node 1 first, so
# the others find it and join; a cluster with data boots all at once (each waits for its peers).
mq_start() { # members...
  local n pid t0 fresh=0 started=()
  t0=$(now_us)
  mq_prepare_home
  [[ -d "$(mq_dir 1)/mnesia/$(mq_node 1)" ]] || fresh=1
  for n in "$@"; do
    if pid=$(mq_pid "$n"); then
      note "rabbitmq $n ($PROFILE): already running (pid $pid)"
      continue
    fi
    mq_launch "$n"
    started+=("$n")
    if ((fresh && n == 1)); then mq_wait_node 1; fi
  done
  for n in "${started[@]}"; do mq_wait_node "$n"; done
  ((${#started[@]} == 0)) ||
    note "rabbitmq ($PROFILE): node(s) ${started[*]} started in $(elapsed "$t0") ($(mq_hosts))"
}

mq_hosts() {
  local n out=()
  for n in "${MEMBERS[@]}"; do out+=("127.0.0.1:$(mq_port "$n")"); done
  join_by , "${out[@]}"
}

# The first node that runs, for CLI calls.
mq_any_node() {
  local n
  for n in "${MEMBERS[@]}"; do
    mq_pid "$n" >/dev/null && { echo "$n"; return 0; }
  done
  return 1
}

mq_stop_node() { # member
  local n=$1 dir pid
  dir=$(mq_dir "$n")
  if pid=$(mq_pid "$n"); then
    # `stop <pidfile>` returns once the OS process has exited.
    mq_as_node "$n" timeout 90 "$MQ_BIN/rabbitmqctl" -q stop "$dir/rabbitmq.pid" >/dev/null 2>&1 || true
    wait_gone "$pid" 5 || terminate "$pid" 30
  fi
  rm -f "$dir/rabbitmq.pid"
}

# All nodes at once, then their epmd (unless another node still uses it).
mq_stop() {
  local n
  for n in "${MEMBERS[@]}"; do mq_stop_node "$n" & done
  wait
  mq_kill_epmd
  note "rabbitmq ($PROFILE): stopped"
}

# Stops the epmd on this profile's port unless it serves a node of ours that runs or any other node
# (say, this profile of another checkout). CLI names (rabbitmqcli-*) are transient.
mq_kill_epmd() {
  local names others p
  names=$(env ERL_EPMD_PORT="$EPMD_PORT" epmd -names 2>/dev/null) || return 0   # no epmd there
  others=$(awk '$1 == "name" && $2 !~ /^rabbitmqcli/ { print $2 }' <<<"$names" | paste -sd ' ' -)
  if [[ -n "$others" ]]; then
    note "rabbitmq ($PROFILE): epmd on port $EPMD_PORT serves other nodes ($others): left running"
    return 0
  fi
  env ERL_EPMD_PORT="$EPMD_PORT" epmd -kill >/dev/null 2>&1 && return 0
  # epmd refuses -kill while CLI names are registered; find it by its environment instead.
  for p in /proc/[0-9]*; do
    [[ "$(cat "$p/comm" 2>/dev/null)" == epmd ]] || continue
    if tr '\0' '\n' 2>/dev/null <"$p/environ" | grep -qx "ERL_EPMD_PORT=$EPMD_PORT"; then
      kill "${p#/proc/}" 2>/dev/null || true
    fi
  done
}

# SIGKILL to node N's Erlang VM: the pid file stays behind, as after a crash.
mq_kill_node() { # member
  local n=$1 pid
  pid=$(mq_pid "$n") || die "rabbitmq $n ($PROFILE): not running"
  kill -KILL "$pid"
  wait_gone "$pid" 10 || true
  note "rabbitmq $n ($PROFILE): killed (pid $pid)"
}

# The node number of a quorum queue's leader, from a running node's view.
mq_queue_leader() { # queue
  local n leader
  n=$(mq_any_node) || die "rabbitmq ($PROFILE): no node runs"
  leader=$(mq_as_node "$n" "$MQ_BIN/rabbitmqctl" -q list_queues name leader --no-table-headers 2>/dev/null |
    awk -v q="$1" '$1 == q { print $2 }') || true
  [[ -n "$leader" ]] || die "rabbitmq ($PROFILE): no queue '$1' with a leader"
  for n in "${MEMBERS[@]}"; do
    [[ "$leader" == "$(mq_node "$n")" ]] && { echo "$n"; return 0; }
  done
  die "rabbitmq ($PROFILE): queue '$1' led by unknown node $leader"
}

mq_status() {
  local n pid rc=0
  for n in "${MEMBERS[@]}"; do
    if pid=$(mq_pid "$n"); then
      echo "rabbitmq $n ($PROFILE): running, pid $pid, node $(mq_node "$n"), amqp 127.0.0.1:$(mq_port "$n"), dist $(dist_port "$n"), epmd $EPMD_PORT"
    else
      echo "rabbitmq $n ($PROFILE): stopped (amqp 127.0.0.1:$(mq_port "$n"))"
      rc=1
    fi
  done
  return "$rc"
}

# shellcheck shell=bash
# What the single-node stack (scripts/stack.sh) and the cluster (scripts/cluster/*.sh) both do with their
# servers' processes and RabbitMQ nodes. Sourced; does nothing by itself.

# True while the process exists and is not a zombie awaiting its reaper.
alive() {
  local state
  [[ "${1:-}" =~ ^[0-9]+$ ]] || return 1
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
  [[ -n "$state" && "$state" != Z && "$state" != X ]]
}

# Waits up to SECONDS for the process to end; false if it is still there.
wait_gone() { # pid seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    alive "$1" || return 0
    sleep 0.1
  done
  return 1
}

# The rabbitmq.conf lines every node of this project has: loopback only, the app user on vhost /, logs to
# file. WRITER names the script that writes the file.
rabbitmq_base_conf() { # port writer
  cat <<EOF2
# Written by $2 on every start; edit the script, not this file.
listeners.tcp.default = 127.0.0.1:$1
loopback_users = none
default_vhost = /
default_user = $APP_USER
default_pass = $APP_PASSWORD
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
log.console = false
log.file.level = info
EOF2
}

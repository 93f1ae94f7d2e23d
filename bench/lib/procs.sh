# shellcheck shell=bash
# Processes the bench starts (services, consumer, nginx): spawn with a clean environment, time
# to /readyz, RSS from /proc, stop. Every pid started is remembered so the trap can stop it.
# Needs: ROOT WORK BUILD DB_URI MQ_URI (set by run.sh).

declare -gA PID_OF=()        # name -> pid
declare -g STARTED_FILE      # every pid started, one a line, for the trap

# The services' environment: nothing from the caller's (no .env either: the working directory is
# $WORK), logs at warn so that logging does not dominate the figures. Extra VAR=value may follow.
service_env() {
  SERVICE_ENV=(
    PATH=/usr/local/bin:/usr/bin:/bin
    HOME="$WORK"
    DB_URI="$DB_URI" USERS_DB_URI="$(db_uri users)" PROMOTION_DB_URI="$(db_uri promotion)" MQ_URI="$MQ_URI"
    PRIVATE_KEY="$ROOT/.run/keys/private.pem" PUBLIC_KEY="$ROOT/.run/keys/public.pem"
    LOG_DIR="$WORK/logs" LOG_LEVEL=warn
    USERS_MIGRATIONS_DIR="$ROOT/services/users/migrations"
    PROMOTION_MIGRATIONS_DIR="$ROOT/services/promotion/migrations"
    "$@"
  )
  # On a cluster (bench/cluster.sh): every queue and the stream on each RabbitMQ node.
  [[ -z ${MQ_QUORUM_INITIAL_GROUP_SIZE:-} ]] || SERVICE_ENV+=(MQ_QUORUM_INITIAL_GROUP_SIZE="$MQ_QUORUM_INITIAL_GROUP_SIZE")
}

# run_service ENV_ASSIGNMENTS... -- BINARY ARGS...: runs to completion (migrate), output to the log.
run_service() {
  local env=()
  while [[ $1 != -- ]]; do env+=("$1"); shift; done
  shift
  service_env "${env[@]}"
  (cd "$WORK" && exec env -i "${SERVICE_ENV[@]}" "$@") >>"$WORK/logs/commands.log" 2>&1
}

# spawn NAME ENV_ASSIGNMENTS... -- BINARY ARGS...: starts in the background; PID_OF[NAME].
spawn() {
  local name=$1 env=()
  shift
  while [[ $1 != -- ]]; do env+=("$1"); shift; done
  shift
  service_env "${env[@]}"
  (cd "$WORK" && exec env -i "${SERVICE_ENV[@]}" "$@") >>"$WORK/logs/$name.out" 2>&1 &
  PID_OF[$name]=$!
  echo "$!" >>"$STARTED_FILE"
}

# http_status PORT PATH -> the status code of a GET (empty when nothing answers); no curl fork.
http_status() {
  (
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 0
    printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$2" >&3
    IFS=' ' read -r -t 2 _ code _ <&3 || exit 0
    echo "$code"
  ) 2>/dev/null
}

# start_http NAME PORT ENV... -- BINARY ARGS...: spawns, waits for /readyz 200 (10 ms polls),
# records the start time (ms) in $WORK/starts.tsv; dies when not ready within 20 s.
start_http() {
  local name=$1 port=$2 t0 deadline
  shift 2
  t0=$(now_us)
  spawn "$name" "$@"
  deadline=$((t0 + 20000000))
  until [[ $(http_status "$port" /readyz) == 200 ]]; do
    kill -0 "${PID_OF[$name]}" 2>/dev/null || die "$name exited at start (log: $WORK/logs/$name.out)"
    (($(now_us) < deadline)) || die "$name not ready after 20 s (log: $WORK/logs/$name.out)"
    sleep 0.01
  done
  local ms=$((($(now_us) - t0) / 1000))
  printf '%s\t%s\n' "$name" "$ms" >>"$WORK/starts.tsv"
  say "$name ready in ${ms} ms (pid ${PID_OF[$name]})"
}

# cpu_ticks PID... -> user + system CPU clock ticks of the processes and of their live children (fields 14,
# 15 of /proc/PID/stat, ticks of sysconf(CLK_TCK)). For PostgreSQL give the postmaster: its backends count.
cpu_ticks() {
  local pid total=0 children
  for pid in "$@"; do
    children=$(cat "/proc/$pid/task/"*/children 2>/dev/null || true)
    for p in $pid $children; do
      total=$((total + $(awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$p/stat" 2>/dev/null || echo 0)))
    done
  done
  echo "$total"
}

# postmaster_pid -> the bench cluster's postmaster
postmaster_pid() { head -n 1 "$ROOT/.run/bench/pg/data/postmaster.pid"; }

# mem_kib PID FIELD -> VmRSS or VmHWM in KiB
mem_kib() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status" 2>/dev/null; }

# note_idle NAME: its VmRSS now, in $WORK/rss.tsv (call after a short settle).
note_idle() {
  printf '%s\tidle\t%s\n' "$1" "$(mem_kib "${PID_OF[$1]}" VmRSS)" >>"$WORK/rss.tsv"
}

# stop NAME [SCENARIO]: notes VmHWM (peak RSS) under SCENARIO, then SIGTERM (SIGKILL after 15 s).
stop() {
  local name=$1 scenario=${2:-} pid=${PID_OF[$1]:-} i
  [[ -n $pid ]] || return 0
  if [[ -n $scenario ]]; then
    printf '%s\tpeak\t%s\t%s\n' "$name" "$(mem_kib "$pid" VmHWM)" "$scenario" >>"$WORK/rss.tsv"
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 150; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset "PID_OF[$name]"
}

# stop_all: every process this run started and that still runs (the trap's job).
stop_all() {
  local name pid
  for name in "${!PID_OF[@]}"; do stop "$name"; done
  [[ -f ${STARTED_FILE:-} ]] || return 0
  while read -r pid; do
    kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null
  done <"$STARTED_FILE"
  return 0
}

# peak_cell SCENARIO -> "users 31 / promotion 12" (MiB, VmHWM of each process stopped under it)
peak_cell() {
  awk -F'\t' -v s="$1" '$2 == "peak" && $4 == s { printf "%s%s %.0f", (n++ ? " / " : ""), $1, $3 / 1024 }
    END { if (!n) printf "—" }' "$WORK/rss.tsv"
}

#!/usr/bin/env bash
# `make fuzz` (and `make test`, shorter): builds the libFuzzer targets (preset fuzz: clang 14, ASan+UBSan) and
# runs each for SECONDS (default 60) on a copy of its corpus fuzz/corpus/<target>/, so runs never grow the
# repository's corpus. Prints one line per target. A crash (or timeout, leak, out-of-memory) is saved under
# build/fuzz/crashes/<target>/ with the command that reproduces it, and the exit status is non-zero.
# Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

seconds=${1:-60}
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2; }
# Each target and its dictionary (fuzz/dicts/).
declare -A dicts=([http_request]=http [request_bodies]=json [token_verifier]=jwt [first_login_message]=json [revocation_message]=json)
targets=(http_request request_bodies token_verifier first_login_message revocation_message)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

bin=$ROOT/build/fuzz/fuzz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
for target in "${targets[@]}"; do
  crashes=$ROOT/build/fuzz/crashes/$target
  mkdir -p "$crashes"
  cp -r "fuzz/corpus/$target" "$work/$target"
  log=$work/$target.log
  status=0
  "$bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -dict="fuzz/dicts/${dicts[$target]}.dict" -artifact_prefix="$crashes/" "$work/$target" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  [[ -n "$runs" ]] || runs=$(grep -oE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#')  # no final stats after a crash
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  if ((status == 0)); then
    echo "fuzz $target: ${runs:-?} executions (${rate:-?}/s) in ${seconds}s, crashes 0"
    continue
  fi
  failed=1
  cp "$log" "$crashes/last-run.log"
  echo "fuzz $target: ${runs:-?} executions, crashes 1 (exit status $status); log: $crashes/last-run.log"
  grep -m 1 -A 15 -E 'ERROR|runtime error' "$log" | sed 's/^/  /' || true
  while read -r input; do
    echo "  saved $input; reproduce: $bin/$target $input"
  done < <(sed -n 's/.*Test unit written to //p' "$log")
  echo "  then fix the bug and add the input to the corpus: cp <input> fuzz/corpus/$target/crash-<what>"
done
exit "$failed"

#!/usr/bin/env bash
# `make test-cluster`: the fault tests of tests/cluster/ against a fresh cluster (scripts/cluster.sh, profile
# cluster-test): dependencies, the dev build of both services, the web app (the front door serves it), then
# each scenario in turn, each printing its counters. The cluster is stopped at the end, pass or fail.
# One scenario: CLUSTER_SCENARIOS=replica_kill make test-cluster. Exit status: non-zero on any failure.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

start=$SECONDS
elapsed() { local s=$((SECONDS - start)); printf '%dm%02ds' $((s / 60)) $((s % 60)); }
CLUSTER=$ROOT/scripts/cluster.sh
read -r -a scenarios <<<"${CLUSTER_SCENARIOS:-mq_leader_kill pg_primary_kill replica_kill}"

"$ROOT/scripts/install-deps.sh"
echo "== build (dev: the services)"
cmake --preset dev >/dev/null
cmake --build --preset dev --target users-service promotion-service
echo "== build (web)"
"$ROOT/scripts/build-web.sh"
"$ROOT/scripts/keys.sh"

trap '"$CLUSTER" stop cluster-test || true' EXIT
echo "== cluster"
"$CLUSTER" reset cluster-test
"$CLUSTER" start cluster-test

passed=0 failed=0 results=()
for scenario in "${scenarios[@]}"; do
  echo "== $scenario"
  t0=$SECONDS
  if CLUSTER_TEST_BUILD=$ROOT/build/dev python3 "$ROOT/tests/cluster/$scenario.py"; then
    passed=$((passed + 1))
    results+=("$scenario: passed in $((SECONDS - t0))s")
  else
    failed=$((failed + 1))
    results+=("$scenario: FAILED in $((SECONDS - t0))s (logs: .run/cluster-test/scenarios/)")
  fi
done

echo
printf '%s\n' "${results[@]}"
echo "test-cluster: $passed passed, $failed failed"
echo "test-cluster: $( ((failed == 0)) && echo passed || echo FAILED ) in $(elapsed)"
((failed == 0))

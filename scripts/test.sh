#!/usr/bin/env bash
# `make test`: dependencies, the formatting check, the dev and asan builds, the web app's build, the test stack, then
#   ctest --preset dev    all tests (unit + integration against the test stack)
#   ctest --preset asan   unit tests under ASan+UBSan
#   scripts/fuzz.sh       each libFuzzer target for FUZZ_SECONDS (default 10), so they keep building and running
# The test stack (scripts/stack.sh ... test: ports 22432/22672) is stopped at the end, pass or fail.
# Extra ctest arguments: CTEST_ARGS='-R jwt' make test. Exit status: non-zero on any failure.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

start=$SECONDS
elapsed() { local s=$((SECONDS - start)); printf '%dm%02ds' $((s / 60)) $((s % 60)); }
read -r -a ctest_args <<<"${CTEST_ARGS:-}"

"$ROOT/scripts/install-deps.sh"
"$ROOT/scripts/format.sh" --check

for preset in dev asan; do
  echo "== build ($preset)"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
done
echo "== build (web)"
"$ROOT/scripts/build-web.sh"

trap '"$STACK" stop test || true' EXIT
echo "== test stack"
"$STACK" start test
"$ROOT/scripts/keys.sh"
eval "$("$STACK" env test)"
export PRIVATE_KEY=$ROOT/.run/keys/private.pem
export PUBLIC_KEY=$ROOT/.run/keys/public.pem
# Every response the end-to-end tests get, checked against the OpenAPI documents by api_responses_test.
export API_RESPONSES_FILE=$ROOT/build/dev/api-responses.jsonl
: >"$API_RESPONSES_FILE"

results=()
rc=0
for preset in dev asan; do
  echo "== ctest --preset $preset"
  if ctest --preset "$preset" "${ctest_args[@]}"; then
    results+=("ctest $preset: passed")
  else
    results+=("ctest $preset: FAILED")
    rc=1
  fi
done

trap - EXIT
"$STACK" stop test || true

echo "== fuzz"
if "$ROOT/scripts/fuzz.sh" "${FUZZ_SECONDS:-10}"; then
  results+=("fuzz: passed")
else
  results+=("fuzz: FAILED")
  rc=1
fi

echo
printf '%s\n' "${results[@]}"
echo "test: $( ((rc == 0)) && echo passed || echo FAILED ) in $(elapsed)"
exit "$rc"

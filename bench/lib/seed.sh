# shellcheck shell=bash
# Migrations and the bench data: users (one shared Argon2id hash), the campaign, B2's vouchers
# and their tokens. Needs: ROOT WORK BUILD TOOLS DB_URI PASSWORD B2_USERS LOGIN_USERS FIRST_USERS.

USERS_BIN=$BUILD/services/users/users-service
PROMOTION_BIN=$BUILD/services/promotion/promotion-service

# Tokens of B2's users, signed with the users service's key as a login would sign them: 10,000
# RSA signatures take some CPU seconds, so this runs in the background while the stack starts.
start_tokens() {
  seq 1 "$B2_USERS" | awk '{ printf "00000000-0000-4000-8000-%012d\n", $1 }' |
    "$TOOLS/bench_tokens" "$ROOT/.run/keys/private.pem" "$CORES" >"$WORK/tokens.txt" &
  TOKENS_PID=$!
}

seed() {
  local t0 hash
  t0=$(now_ms)
  run_service -- "$USERS_BIN" migrate || die "users migrate failed (log: $WORK/logs/commands.log)"
  run_service -- "$PROMOTION_BIN" migrate || die "promotion migrate failed (log: $WORK/logs/commands.log)"

  hash=$("$TOOLS/bench_argon2" phc "$PASSWORD")
  "$PSQL" -X -q -v ON_ERROR_STOP=1 -v hash="$hash" -v n_login="$LOGIN_USERS" -v n_first="$FIRST_USERS" \
    -f "$ROOT/bench/sql/seed_users.sql" "$(db_uri users)" >/dev/null
  "$PSQL" -X -q -v ON_ERROR_STOP=1 -v n_vouchers="$B2_USERS" \
    -f "$ROOT/bench/sql/seed_promotion.sql" "$(db_uri promotion)" >/dev/null

  wait "$TOKENS_PID" || die "bench_tokens failed"
  say "seeded $LOGIN_USERS returning users, $FIRST_USERS new users, $B2_USERS vouchers and tokens in $(($(now_ms) - t0)) ms"
}

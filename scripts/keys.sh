#!/usr/bin/env bash
# The RS256 keys of local development and tests (docs/security.md, "Keys and rotation"):
#   scripts/keys.sh [create]  creates the pair if absent (idempotent; a missing public key is derived):
#                             .run/keys/private.pem (0600, users-service signs with it),
#                             .run/keys/public.pem (verifies), and the folder .run/keys/previous/
#   scripts/keys.sh rotate    (make rotate-keys) moves public.pem to previous/<UTC time>.pem, where
#                             users-service keeps publishing and accepting it (PREVIOUS_PUBLIC_KEYS), and
#                             creates a new pair; restart users-service to sign with it
#   scripts/keys.sh retire [MINUTES]  (make retire-keys) deletes previous keys retired more than MINUTES
#                             ago (default JWT_EXPIRED_MINUTES + 1 = 31: every token they signed has expired)
# KEY_BITS (default 2048, RS256's usual size): signing a token costs 0.26 ms with 2048 bits and
# 1.7 ms with 3072 on the 2-core development machine (`openssl speed rsa2048 rsa3072`).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIR=${KEYS_DIR:-$ROOT/.run/keys}
BITS=${KEY_BITS:-2048}
PRIVATE=$DIR/private.pem
PUBLIC=$DIR/public.pem
PREVIOUS=$DIR/previous
command=${1:-create}

umask 077
mkdir -p "$DIR" "$PREVIOUS"

case $command in
  create) ;;
  rotate)
    [[ -s "$PUBLIC" ]] || { echo "keys: no $PUBLIC to rotate; run scripts/keys.sh first" >&2; exit 1; }
    retired=$PREVIOUS/$(date -u +%Y%m%dT%H%M%SZ).pem
    mv "$PUBLIC" "$retired"
    chmod 0644 "$retired"
    touch "$retired"  # its mtime is the retirement time that `retire` counts from
    rm -f "$PRIVATE"
    echo "keys: retired the signing key; its public key stays valid as $retired"
    ;;
  retire)
    minutes=${2:-$((${JWT_EXPIRED_MINUTES:-30} + 1))}
    [[ "$minutes" =~ ^[0-9]+$ ]] || { echo "keys: retire MINUTES must be a whole number (got '$minutes')" >&2; exit 2; }
    find "$PREVIOUS" -maxdepth 1 -name '*.pem' -mmin "+$minutes" -print -delete | sed 's/^/keys: deleted /'
    exit 0
    ;;
  *) echo "usage: scripts/keys.sh [create|rotate|retire [MINUTES]]" >&2; exit 2 ;;
esac

if [[ ! -s "$PRIVATE" ]]; then
  tmp=$(mktemp "$DIR/.private.XXXXXX")
  trap 'rm -f "$tmp"' EXIT
  openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:$BITS" -out "$tmp" 2>/dev/null
  chmod 0600 "$tmp"
  mv -f "$tmp" "$PRIVATE"
  rm -f "$PUBLIC"   # belongs to an older private key, if any
  echo "keys: created $PRIVATE (RSA $BITS)"
fi
chmod 0600 "$PRIVATE"

if [[ ! -s "$PUBLIC" ]]; then
  tmp=$(mktemp "$DIR/.public.XXXXXX")
  trap 'rm -f "$tmp"' EXIT
  openssl pkey -in "$PRIVATE" -pubout -out "$tmp"
  chmod 0644 "$tmp"
  mv -f "$tmp" "$PUBLIC"
  echo "keys: created $PUBLIC"
fi

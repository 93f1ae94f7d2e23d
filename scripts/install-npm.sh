#!/usr/bin/env bash
# Installs web/'s npm packages exactly as web/package-lock.json pins them (`npm ci`): swagger-ui-dist,
# which the services serve at /docs, the web app's build and test tools (typescript, vite, vitest;
# scripts/build-web.sh builds it) and the tools of tests/api and tests/web (redocly, ajv, playwright-core).
# Idempotent: skipped while web/node_modules was installed from the current lockfile (a sha256 stamp).
# Downloads no browser and runs no install script (web/.npmrc); tests/api uses the system's chromium.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WEB=$ROOT/web
STAMP=$WEB/node_modules/.lockfile.sha256

if ! command -v npm >/dev/null 2>&1; then
  echo "install-npm: npm is missing (Node.js 20.19 or later)" >&2
  exit 1
fi

want=$(sha256sum "$WEB/package-lock.json" | cut -d' ' -f1)
if [[ -f "$WEB/node_modules/.package-lock.json" && "$(cat "$STAMP" 2>/dev/null)" == "$want" ]]; then
  echo "install-npm: web/node_modules matches package-lock.json"
  exit 0
fi

echo "install-npm: npm ci in web/"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 SCARF_ANALYTICS=false
(cd "$WEB" && npm ci --no-audit --no-fund)
echo "$want" >"$STAMP"
echo "install-npm: done"

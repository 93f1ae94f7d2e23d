#!/usr/bin/env bash
# Builds the web app: web/src is type-checked (tsc) and bundled by Vite into web/dist, which the front
# door serves (scripts/front-door.sh). Installs web/'s npm packages first when they are missing.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[[ -d "$ROOT/web/node_modules/vite" ]] || "$ROOT/scripts/install-npm.sh"
cd "$ROOT/web"
npm run --silent build

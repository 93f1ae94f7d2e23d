#!/usr/bin/env bash
# Installs the Debian 12 packages the project needs to build, test and run.
# Idempotent: when everything is already installed it only checks and exits.
# Needs root (or sudo) only when something is missing.
#
# Package installs do not start the system's PostgreSQL or RabbitMQ services
# for us: the project runs its own, project-local servers (scripts/stack.sh).
# Likewise nginx: the front door is the project's own nginx process with its own
# configuration (scripts/front-door.sh); a system nginx the package may start
# (port 80, where an init system runs services) is not used.
set -euo pipefail

# The one list of the project's system dependencies.
PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  clang-14 libclang-rt-14-dev libfuzzer-14-dev  # the libFuzzer targets (scripts/fuzz.sh, preset fuzz)
  # tools used by the scripts and tests: formatting, metrics and rules checks (promtool), the browser of
  # the /docs page and web app tests (driven by npm's playwright-core, never downloaded)
  openssl curl python3 clang-format prometheus chromium
  # the front door (scripts/front-door.sh: nginx, its configuration rendered by envsubst)
  nginx-light gettext-base
  # libraries
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libpq-dev libssl-dev libargon2-dev libspdlog-dev librabbitmq-dev libjemalloc-dev
  libgtest-dev libgmock-dev
  # servers (started by scripts/stack.sh, never as system services)
  postgresql-15 postgresql-client-15 rabbitmq-server
  # the cluster (scripts/cluster.sh): PostgreSQL under Patroni, which keeps its leader key in etcd
  patroni etcd-server etcd-client
)

# Node.js and npm for web/ (the image has Node.js 20; Debian's own nodejs is used only where none is).
command -v npm >/dev/null 2>&1 || PACKAGES+=(nodejs npm)

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)
  # "ii " = desired install, currently installed
  if [[ "$status" != ii* ]]; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#PACKAGES[@]} packages are installed"
  "$(dirname "${BASH_SOURCE[0]}")/install-npm.sh"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "install-deps: missing packages and not root (no sudo): ${missing[*]}" >&2
    exit 1
  fi
fi
"${SUDO[@]}" apt-get update
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y --no-install-recommends "${missing[@]}"
echo "install-deps: done"
"$(dirname "${BASH_SOURCE[0]}")/install-npm.sh"

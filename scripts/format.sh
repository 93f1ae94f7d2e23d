#!/usr/bin/env bash
# `make format`: formats every C++ file of the repository with .clang-format.
# `scripts/format.sh --check` (run by `make test`) changes nothing and fails, listing them, when a file
# differs from its formatted self.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

mapfile -t files < <(git ls-files --cached --others --exclude-standard '*.cpp' '*.hpp')
if [[ "${1:-}" != --check ]]; then
  clang-format -i "${files[@]}"
  exit 0
fi
unformatted=()
for file in "${files[@]}"; do
  clang-format --dry-run -Werror "$file" >/dev/null 2>&1 || unformatted+=("$file")
done
if ((${#unformatted[@]} > 0)); then
  echo "format: ${#unformatted[@]} file(s) differ from .clang-format (run \`make format\`):" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  exit 1
fi
echo "format: ${#files[@]} C++ files follow .clang-format"

# shellcheck shell=bash
# Shared helpers of bench/run.sh: messages, clocks, numbers (medians, ratios, ranges).

say() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { say "error: $*"; exit 1; }

now_ms() { local t=${EPOCHREALTIME/[.,]/}; echo $((t / 1000)); }
now_us() { local t=${EPOCHREALTIME/[.,]/}; echo "$t"; }

# median VALUES... -> the median (mean of the two middle values for an even count)
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "nan"; exit }
    if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# range VALUES... -> "min–max" with 2 decimals (ratios)
range() {
  printf '%s\n' "$@" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.2f–%.2f", lo, hi }'
}

# div A B -> A / B with 4 decimals ("nan" when B is 0 or empty)
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "nan"; else printf "%.4f", a / b }'; }

# fmt FORMAT VALUE -> printf through awk (bash printf has no locale-free %f for all inputs)
fmt() { awk -v f="$1" -v v="$2" 'BEGIN { if (v == "nan" || v == "") print "n/a"; else printf f, v }'; }

# ratio_cell RATIOS... -> "0.93 (0.90–0.95)"
ratio_cell() {
  local m
  m=$(median "$@")
  if (($# > 1)); then echo "$(fmt %.2f "$m") ($(range "$@"))"; else fmt %.2f "$m"; fi
}

# verdict VALUE OP TARGET -> "ok" or "MISS" (OP: ge or le)
verdict() {
  awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {
    if (v == "nan" || v == "") { print "n/a"; exit }
    ok = (op == "ge") ? (v + 0 >= t + 0) : (v + 0 <= t + 0); print ok ? "ok" : "MISS" }'
}

# db_uri DATABASE -> DB_URI naming that database, its query string (a cluster's target_session_attrs) kept.
db_uri() {
  local base=${DB_URI%%\?*} query=
  [[ $DB_URI == *\?* ]] && query="?${DB_URI#*\?}"
  echo "${base%/}/$1$query"
}

# shellcheck shell=bash
# B7: per process, over every start of this run: RSS when idle (VmRSS just after /readyz), peak RSS
# (the largest VmHWM at a stop), time from spawn to /readyz 200.

scenario_b7() {
  local name starts idle peak
  for name in users promotion consumer; do
    mapfile -t starts < <(awk -F'\t' -v n="$name" '$1 == n { print $2 }' "$WORK/starts.tsv" 2>/dev/null)
    mapfile -t idle < <(awk -F'\t' -v n="$name" '$1 == n && $2 == "idle" { print $3 / 1024 }' "$WORK/rss.tsv")
    ((${#idle[@]})) || continue   # not started in this run (BENCH_ONLY)
    peak=$(awk -F'\t' -v n="$name" '$1 == n && $2 == "peak" && $3 > m { m = $3 } END { print m / 1024 }' "$WORK/rss.tsv")
    local start_cell="" start_ok=""
    if ((${#starts[@]})); then
      start_cell=", ready in $(median "${starts[@]}") ms (median of ${#starts[@]} starts, max $(printf '%s\n' "${starts[@]}" | sort -n | tail -n 1) ms)"
      start_ok=", ≤ 1 s: $(verdict "$(median "${starts[@]}")" le 1000)"
    fi
    add_row "B7 $name: memory and start" \
      "idle $(fmt '%.1f MiB' "$(median "${idle[@]:-nan}")"), peak $(fmt '%.1f MiB' "$peak")$start_cell" \
      "—" "—" \
      "≤ 30 MiB idle: $(verdict "$(median "${idle[@]:-nan}")" le 30), ≤ 100 MiB peak: $(verdict "$peak" le 100)$start_ok" \
      "—" "—" "$(fmt %.0f "$peak")"
  done
}

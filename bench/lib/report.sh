# shellcheck shell=bash
# The results table: scenarios add rows as they finish; render prints markdown.
# Needs: WORK.

# add_row SCENARIO OUR CEILING RATIO TARGET P50 P99 PEAK_RSS (one cell each, "—" when none)
add_row() {
  (($# == 8)) || die "add_row takes 8 cells (got $#)"
  local IFS=$'\t'
  echo "$*" >>"$WORK/rows.tsv"
  say "result: $*"
}

render_table() {
  echo '| scenario | our figure | ceiling (same run) | ratio: median (range) | target | p50 | p99 | peak RSS, MiB |'
  echo '|---|---|---|---|---|---|---|---|'
  [[ -f $WORK/rows.tsv ]] || return 0
  awk -F'\t' '{ printf "|"; for (i = 1; i <= NF; i++) printf " %s |", $i; printf "\n" }' "$WORK/rows.tsv"
}

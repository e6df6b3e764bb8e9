#!/usr/bin/env bash
# Times one-shot `./gatos sql` (JVM start included, -Xmx512m) against the native-git baseline, for
# the decode targets of issue 16: no cache, cold cache (deleted before each run) and warm cache.
# Usage: bench/decode.sh [EVENTS...]     (default 100000; ledgers as in bench/run.sh)
# Prints per query the median of RUNS (default 5) wall-clock runs and the ratio to the baseline
#     git rev-list --objects <journal heads> | cut -d' ' -f1 | git cat-file --batch   (median of RUNS)
# GATOS_JAVA_OPTS=-Dgatos.decode.threads=1 reads journals one by one (default: the cores, at most 4).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/bench/target"
RUNS="${RUNS:-5}"
mkdir -p "$OUT"
export GATOS_JAVA_OPTS="${GATOS_JAVA_OPTS:--Xmx512m}"

now_ms() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

baseline() {
  local repo="$1" heads
  heads=$(git --git-dir="$repo" for-each-ref --format='%(objectname)' refs/gatos/journal/)
  # shellcheck disable=SC2086
  git --git-dir="$repo" rev-list --objects $heads | cut -d' ' -f1 | git --git-dir="$repo" cat-file --batch >/dev/null
}

timed() { # mode repo sql: prints the median wall ms of RUNS runs
  local mode="$1" repo="$2" sql="$3" start i
  for i in $(seq "$RUNS"); do
    [ "$mode" = cold ] && rm -rf "$repo/gatos-sql"
    start=$(now_ms)
    case "$mode" in
      none) "$ROOT/gatos" sql --no-cache --repo "$repo" "$sql" >/dev/null ;;
      *) "$ROOT/gatos" sql --repo "$repo" "$sql" >/dev/null ;;
    esac
    echo $(($(now_ms) - start))
  done | median
}

echo "# $(uname -m), $(nproc) cores, $(java -version 2>&1 | head -1); $(git --version); $GATOS_JAVA_OPTS"
"$ROOT/gatos" sql --help >/dev/null # builds when needed, outside the timings
for n in "${@:-100000}"; do
  repo="$OUT/ledger-$n.git"
  [ -d "$repo" ] || "$ROOT/gatos" generate --out "$repo" --events "$n" --seed 1 >/dev/null 2>&1
  base=$(for i in $(seq "$RUNS"); do s=$(now_ms); baseline "$repo"; echo $(($(now_ms) - s)); done | median)
  printf '%-8s %-40s %8s %8s %8s %8s %6s %6s %6s\n' events query none_ms cold_ms warm_ms git_ms none/g cold/g warm/g
  while IFS='|' read -r name sql; do
    none=$(timed none "$repo" "$sql"); cold=$(timed cold "$repo" "$sql"); warm=$(timed warm "$repo" "$sql")
    printf '%-8s %-40s %8d %8d %8d %8d %6.2f %6.2f %6.2f\n' "$n" "$name" "$none" "$cold" "$warm" "$base" \
      "$(echo "$none / $base" | bc -l)" "$(echo "$cold / $base" | bc -l)" "$(echo "$warm / $base" | bc -l)"
  done <<'QUERIES'
startup (COUNT(*) FROM refs)|SELECT COUNT(*) FROM refs
COUNT(*) (no envelope)|SELECT COUNT(*) FROM events
count by ns (no envelope)|SELECT ns, COUNT(*) FROM events GROUP BY ns
JSON_VALUE sum by ns (every envelope)|SELECT ns, COUNT(*), SUM(CAST(JSON_VALUE(payload,'$.amount') AS DECIMAL(18,2))) FROM events GROUP BY ns
QUERIES
done

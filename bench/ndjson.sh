#!/usr/bin/env bash
# Measures the sparse NDJSON export and import (issue 7) on a generated ledger, both at -Xmx256m.
# Usage: bench/ndjson.sh [EVENTS...]   (default: 1000000; ledgers are shared with bench/run.sh, seed 1)
# Prints, per size: export time, peak heap, output bytes and events/s; then the import of that file
# into an empty repository: time, peak heap and events/s; then whether the imported journals
# reproduce the source commit ids (a full export imported from position 0 must).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/bench/target"
mkdir -p "$OUT"
GATOS="$ROOT/gatos"

timed() { # runs "$@" at -Xmx256m with a GC log; prints "seconds peak_heap_mb"
  local log="$OUT/ndjson-gc.log" start end peak
  rm -f "$log"
  start=$(date +%s.%N)
  GATOS_JAVA_OPTS="-Xmx256m -Xlog:gc:file=$log" "$@" >/dev/null 2>"$OUT/ndjson-stderr.txt"
  end=$(date +%s.%N)
  peak=$(grep -o '[0-9]*M->[0-9]*M' "$log" | sed 's/M->.*//' | sort -n | tail -1)
  echo "$(echo "$end - $start" | bc) ${peak:-0}"
}

printf '%-9s %-10s %8s %8s %12s %10s\n' events run secs heap_mb bytes events/s
for n in "${@:-1000000}"; do
  repo="$OUT/ledger-$n.git"
  [ -d "$repo" ] || "$GATOS" generate --out "$repo" --events "$n" --seed 1 >/dev/null 2>&1
  work="$OUT/ndjson-$n"
  rm -rf "$work" && mkdir -p "$work"
  read -r secs heap < <(timed "$GATOS" export --format ndjson --repo "$repo" --output "$work/all.ndjson")
  lines=$(wc -l < "$work/all.ndjson")
  size=$(stat -c %s "$work/all.ndjson")
  printf '%-9s %-10s %8.2f %8s %12s %10.0f\n' "$n" export "$secs" "$heap" "$size" "$(echo "$lines / $secs" | bc -l)"
  git init -q --bare "$work/target.git"
  read -r secs heap < <(timed "$GATOS" import --repo "$work/target.git" --input "$work/all.ndjson")
  printf '%-9s %-10s %8.2f %8s %12s %10.0f\n' "$n" import "$secs" "$heap" "-" "$(echo "$lines / $secs" | bc -l)"
  src=$(git --git-dir="$repo" for-each-ref --format='%(refname) %(objectname)' refs/gatos/journal/ refs/gatos/shiplog/ refs/gatos/messages/ | sort)
  dst=$(git --git-dir="$work/target.git" for-each-ref --format='%(refname) %(objectname)' refs/gatos/journal/ refs/gatos/shiplog/ refs/gatos/messages/ | sort)
  if [ "$src" = "$dst" ]; then echo "$n: imported heads equal the source heads ($(echo "$src" | wc -l) refs)"; else echo "$n: imported heads DIFFER from the source"; fi
done

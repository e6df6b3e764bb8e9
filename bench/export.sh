#!/usr/bin/env bash
# Measures `gatos export --format sqlite` on generated ledgers, next to the native-git baseline.
# Usage: bench/export.sh [EVENTS...]   (default: 100000; ledgers are shared with bench/run.sh)
# Prints, per size: full export time, a second run with nothing new, peak heap (from the
# GC log, the JVM capped at -Xmx512m), file size and bytes per event, the baseline and the ratio.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/bench/target"
mkdir -p "$OUT"
GATOS="$ROOT/gatos"

baseline() {
  local repo="$1" heads
  heads=$(git --git-dir="$repo" for-each-ref --format='%(objectname)' refs/gatos/journal/)
  # shellcheck disable=SC2086
  git --git-dir="$repo" rev-list --objects $heads | cut -d' ' -f1 | git --git-dir="$repo" cat-file --batch >/dev/null
}

timed() { # runs "$@" with a GC log; prints "seconds peak_heap_mb"
  local log="$OUT/gc.log" start end
  rm -f "$log"
  start=$(date +%s.%N)
  GATOS_JAVA_OPTS="-Xmx512m -Xlog:gc:file=$log" "$@" >/dev/null
  end=$(date +%s.%N)
  peak=$(grep -o '[0-9]*M->[0-9]*M' "$log" | sed 's/M->.*//' | sort -n | tail -1)
  echo "$(echo "$end - $start" | bc) ${peak:-0}"
}

printf '%-9s %-28s %8s %8s %8s %10s %8s\n' events run ours_s heap_mb git_s bytes/evt ratio
for n in "${@:-100000}"; do
  repo="$OUT/ledger-$n.git"
  [ -d "$repo" ] || "$GATOS" generate --out "$repo" --events "$n" --seed 1 >/dev/null 2>&1
  work="$OUT/export-$n"
  rm -rf "$work" && mkdir -p "$work"
  cp -r "$repo" "$work/ledger.git"
  start=$(date +%s.%N); baseline "$repo"; end=$(date +%s.%N)
  base=$(echo "$end - $start" | bc)
  read -r secs heap < <(timed "$GATOS" export --repo "$work/ledger.git" --format sqlite --out "$work/ledger.sqlite" --progress none)
  size=$(stat -c %s "$work/ledger.sqlite")
  printf '%-9s %-28s %8.2f %8s %8.2f %10.0f %8.2f\n' "$n" "full export" "$secs" "$heap" "$base" \
    "$(echo "$size / $n" | bc -l)" "$(echo "$secs / $base" | bc -l)"
  read -r secs heap < <(timed "$GATOS" export --repo "$work/ledger.git" --format sqlite --out "$work/ledger.sqlite" --progress none)
  printf '%-9s %-28s %8.2f %8s %8s %10s %8s\n' "$n" "second run (up to date)" "$secs" "$heap" "-" "-" "-"
done

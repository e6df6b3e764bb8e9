#!/usr/bin/env bash
# Measures `gatos export` (SQLite and Parquet) on generated ledgers, next to the native-git baseline.
# Usage: [FORMATS="sqlite parquet"] [APPEND=1000] [VERIFY=1] bench/export.sh [EVENTS...]
#   EVENTS   ledger sizes (default: 100000; ledgers are shared with bench/run.sh, seed 1)
#   FORMATS  export formats, measured one after the other on each size (default: sqlite parquet)
#   APPEND   events appended for the incremental run, spread over the journals in proportion to
#            their length (default: 1000; 0 skips the incremental run)
#   VERIFY   1 times `gatos verify` on the full export (default: 1)
# Prints, per size and format: full export time, peak heap (from the GC log, the JVM capped at
# -Xmx512m), output bytes (SQLite: the file; Parquet: the sum of the .parquet files) and bytes per
# event, the baseline and the ratio; then a second run with nothing new, `gatos verify`, and an
# incremental run after APPEND events.
#
# Incremental run: `gatos generate` cannot append to a ledger, so the script makes the append from
# the ledger itself. In a second copy it moves every journal ref back by its share of APPEND commits
# (journals are linear, one event per commit), exports that ledger (untimed), moves the refs
# forward to their real heads again and times the export of the same OUT. To the exporter that is
# exactly an append: the journal refs fast-forward over commits it has not read, nothing else moves.
#
# Each export runs on its own copy of the ledger. A failed run prints FAIL and the exit code; its
# output, stderr and GC log are kept in bench/target/export-N/FORMAT/RUN.{out,err,gc.log}.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/bench/target"
mkdir -p "$OUT"
GATOS="$ROOT/gatos"
FORMATS="${FORMATS:-sqlite parquet}"
APPEND="${APPEND:-1000}"
VERIFY="${VERIFY:-1}"

baseline() {
  local repo="$1" heads
  heads=$(git --git-dir="$repo" for-each-ref --format='%(objectname)' refs/gatos/journal/)
  # shellcheck disable=SC2086
  git --git-dir="$repo" rev-list --objects $heads | cut -d' ' -f1 | git --git-dir="$repo" cat-file --batch >/dev/null
}

# Runs "$@" with a GC log and -Xmx512m; sets SECS, HEAP (largest heap before a GC, MB) and RC.
# $1 names the run (stdout, stderr and GC log go to $ERRDIR/$1.out, .err and .gc.log).
timed() {
  local name="$1" log="$ERRDIR/$1.gc.log" start end
  shift
  rm -f "$log"
  start=$(date +%s.%N)
  set +e
  GATOS_JAVA_OPTS="-Xmx512m -Xlog:gc:file=$log ${EXTRA_JAVA_OPTS:-}" "$@" >"$ERRDIR/$name.out" 2>"$ERRDIR/$name.err"
  RC=$?
  set -e
  end=$(date +%s.%N)
  SECS=$(echo "$end - $start" | bc)
  HEAP=$(grep -o '[0-9]*M->[0-9]*M' "$log" 2>/dev/null | sed 's/M->.*//' | sort -n | tail -1 || true)
  HEAP=${HEAP:-0}
}

output_bytes() { # SQLite: the file; Parquet: the sum of the .parquet files under the directory
  if [ -d "$1" ]; then
    find "$1" -name '*.parquet' -printf '%s\n' | awk '{s += $1} END {print s + 0}'
  else
    stat -c %s "$1"
  fi
}

row() { # events format run secs heap git_s bytes bytes/evt ratio
  printf '%-8s %-8s %-26s %8s %7s %7s %12s %9s %7s\n' "$@"
}

export_cmd() { # format repo out
  local out_opt="$3"
  "$GATOS" export --repo "$2" --format "$1" --out "$out_opt" --progress none
}

# Moves every journal ref of $1 back by its share of $2 events (proportional to its length).
rewind() {
  local repo="$1" append="$2" total ref sha len k
  total=0
  while read -r sha ref; do
    total=$((total + $(git --git-dir="$repo" rev-list --count "$sha")))
  done < <(git --git-dir="$repo" for-each-ref --format='%(objectname) %(refname)' refs/gatos/journal/)
  while read -r sha ref; do
    len=$(git --git-dir="$repo" rev-list --count "$sha")
    k=$(( (len * append + total / 2) / total ))
    ((k < len)) || k=$((len - 1))
    if ((k > 0)); then git --git-dir="$repo" update-ref "$ref" "$sha~$k" "$sha"; fi
  done < <(git --git-dir="$repo" for-each-ref --format='%(objectname) %(refname)' refs/gatos/journal/)
  return 0
}

echo "# $(date -u +%FT%TZ) FORMATS='$FORMATS' APPEND=$APPEND on $(nproc) CPUs, -Xmx512m"
row events format run secs heap_mb git_s out_bytes bytes/evt ratio
for n in "${@:-100000}"; do
  repo="$OUT/ledger-$n.git"
  [ -d "$repo" ] || "$GATOS" generate --out "$repo" --events "$n" --seed 1 >/dev/null 2>&1
  start=$(date +%s.%N); baseline "$repo"; end=$(date +%s.%N)
  base=$(echo "$end - $start" | bc)
  row "$n" git "baseline (cat-file)" "$(printf %.2f "$base")" - - - - -
  for fmt in $FORMATS; do
    case "$fmt" in
      sqlite) ext=.sqlite ;;
      parquet) ext=-parquet ;;
      *) echo "unknown format: $fmt" >&2; exit 2 ;;
    esac
    work="$OUT/export-$n/$fmt"
    ERRDIR="$work"
    rm -rf "$work" && mkdir -p "$work"
    cp -r "$repo/." "$work/ledger.git"
    target="$work/ledger$ext"

    timed full export_cmd "$fmt" "$work/ledger.git" "$target"
    if [ "$RC" -ne 0 ]; then
      row "$n" "$fmt" "full export FAIL rc=$RC" "$(printf %.2f "$SECS")" "$HEAP" - - - -
      grep -m3 -E 'Error|Exception|gatos' "$work/full.err" | sed 's/^/    /' || true
      rm -rf "$work/ledger.git"
      continue
    fi
    size=$(output_bytes "$target")
    row "$n" "$fmt" "full export" "$(printf %.2f "$SECS")" "$HEAP" "$(printf %.2f "$base")" "$size" \
      "$(printf %.0f "$(echo "$size / $n" | bc -l)")" "$(printf %.2f "$(echo "$SECS / $base" | bc -l)")"
    echo "    $(cat "$work/full.out")"
    if [ -d "$target" ]; then
      echo "    $(find "$target" -name '*.parquet' | wc -l) .parquet files; manifest $(stat -c %s "$target.manifest.json") bytes"
    fi

    timed second export_cmd "$fmt" "$work/ledger.git" "$target"
    row "$n" "$fmt" "second run (up to date)$( ((RC == 0)) || echo " FAIL rc=$RC")" "$(printf %.2f "$SECS")" "$HEAP" - - - -

    if [ "$VERIFY" = 1 ]; then
      timed verify "$GATOS" verify --repo "$work/ledger.git" "$target"
      row "$n" "$fmt" "verify$( ((RC == 0)) || echo " FAIL rc=$RC")" "$(printf %.2f "$SECS")" "$HEAP" - - - -
    fi

    if [ "$APPEND" -gt 0 ]; then
      rm -rf "$work/ledger.git" "$target" "$target.manifest.json"
      cp -r "$repo/." "$work/ledger.git"
      rewind "$work/ledger.git" "$APPEND"
      timed setup export_cmd "$fmt" "$work/ledger.git" "$target"
      if [ "$RC" -ne 0 ]; then
        row "$n" "$fmt" "incremental: setup FAIL rc=$RC" "$(printf %.2f "$SECS")" "$HEAP" - - - -
      else
        before=$(output_bytes "$target")
        # The real heads again: the journals fast-forward by APPEND commits in all.
        git --git-dir="$repo" for-each-ref --format='update %(refname) %(objectname)' refs/gatos/journal/ \
          | git --git-dir="$work/ledger.git" update-ref --stdin
        timed incremental export_cmd "$fmt" "$work/ledger.git" "$target"
        after=$(output_bytes "$target")
        row "$n" "$fmt" "incremental (+$APPEND events)$( ((RC == 0)) || echo " FAIL rc=$RC")" \
          "$(printf %.2f "$SECS")" "$HEAP" - "$((after - before))" - -
        echo "    $(cat "$work/incremental.out")"
      fi
    fi
    rm -rf "$work/ledger.git"
  done
done

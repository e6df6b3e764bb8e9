#!/usr/bin/env bash
# Measures the issue's queries, cold and warm, next to the native-git baseline, on generated ledgers.
# Usage: [EXPORTS=1] bench/query.sh [EVENTS...]      (default: 100000 1000000)
#   EVENTS   ledger sizes; ledgers are bench/target/ledger-N.git (seed 1), shared with bench/run.sh
#            and bench/export.sh, generated when absent
#   EXPORTS  1 also runs FORMATS="sqlite parquet" APPEND=1000 VERIFY=0 bench/export.sh on the largest
#            size and prints its incremental runs (default 0: at 1M a full export takes minutes)
# Prints the machine, then per size: the baseline
#     git rev-list --objects <journal heads> | cut -d' ' -f1 | git cat-file --batch    (median of 3)
# and bench/QueryBench.java's table (one JVM per size, warmed up on a 1k-event ledger first):
# every query with cache=false (median of 3), cold (cache directory deleted, one run) and warm
# (cache filled, new connection, median of 3), ratio = ours / git. Then one-shot `./gatos sql` on the
# 1k ledger (JVM start included, median of 5). Everything also goes to bench/target/query-DATE.txt.
# Exit code 1 when a query failed or an answer differed between modes.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/bench/target"
mkdir -p "$OUT"
GATOS="$ROOT/gatos"
JAR="$ROOT/cli/target/gatos.jar"
EXPORTS="${EXPORTS:-0}"
export GATOS_JAVA_OPTS="${GATOS_JAVA_OPTS:--Xmx512m}"
[ $# -gt 0 ] || set -- 100000 1000000
LOG="$OUT/query-$(date -u +%Y%m%d-%H%M%S).txt"
exec > >(tee "$LOG") 2>&1

now_ms() { echo $(($(date +%s%N) / 1000000)); }

median() { # reads numbers, one a line; prints the middle one
  sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}

baseline() { # git rev-list <journal heads> (with envelopes) | git cat-file --batch
  local repo="$1" heads
  heads=$(git --git-dir="$repo" for-each-ref --format='%(objectname)' refs/gatos/journal/)
  # shellcheck disable=SC2086
  git --git-dir="$repo" rev-list --objects $heads | cut -d' ' -f1 | git --git-dir="$repo" cat-file --batch >/dev/null
}

baseline_ms() { # median of 3 runs of the baseline on $1, in ms
  local i start
  for i in 1 2 3; do
    start=$(now_ms); baseline "$1"; echo $(($(now_ms) - start))
  done | median
}

ledger() { # prints the path of the N-event ledger, generating it when absent
  local repo="$OUT/ledger-$1.git"
  if [ ! -d "$repo" ]; then
    echo "# generating $repo" >&2
    "$GATOS" generate --out "$repo" --events "$1" --seed 1 >/dev/null 2>&1
  fi
  echo "$repo"
}

echo "# bench/query.sh $*, $(date -u +%FT%TZ), commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD || echo " (modified)")"
echo "# machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), \
$(free -g | awk '/^Mem:/ {print $2}') GiB RAM, $(uname -sr)"
echo "# $(java -version 2>&1 | head -1); $(git --version)"
"$GATOS" --help >/dev/null # builds cli/target/gatos.jar when missing or older than the sources
warmup=$(ledger 1000)

status=0
for n in "$@"; do
  repo=$(ledger "$n")
  git_ms=$(baseline_ms "$repo")
  echo
  echo "# $n events: $repo, git baseline $git_ms ms (median of 3)"
  java -Xmx512m -cp "$JAR" "$ROOT/bench/QueryBench.java" "$repo" "$git_ms" "$warmup" || status=1
done

# One-shot CLI on the 1k ledger: one process per run, JVM start and planning included.
echo
sql="SELECT ns, COUNT(*) FROM events GROUP BY ns"
oneshot=$(for i in 1 2 3 4 5; do
  start=$(now_ms); "$GATOS" sql --repo "$warmup" "$sql" >/dev/null; echo $(($(now_ms) - start))
done | median)
echo "# one-shot ./gatos sql --repo $warmup \"$sql\" ($GATOS_JAVA_OPTS): $oneshot ms (median of 5)"

# Incremental export of 1,000 new events onto the largest ledger's export (bench/export.sh).
if [ "$EXPORTS" = 1 ]; then
  largest=$(printf '%s\n' "$@" | sort -n | tail -1)
  echo
  echo "# exports: FORMATS=\"sqlite parquet\" APPEND=1000 VERIFY=0 bench/export.sh $largest" \
    "(full output in $OUT/query-export-$largest.txt)"
  FORMATS="sqlite parquet" APPEND=1000 VERIFY=0 "$ROOT/bench/export.sh" "$largest" >"$OUT/query-export-$largest.txt" \
    || status=1
  # the header, the baseline and each incremental run with the exporter's own summary line below it
  awk '/^events|baseline/ || (/FAIL/ && !/incremental/) {print} /incremental/ {print; getline; if (/^    /) print}' \
    "$OUT/query-export-$largest.txt"
fi
echo
echo "# written to $LOG"
exit "$status"

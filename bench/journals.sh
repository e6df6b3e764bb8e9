#!/usr/bin/env bash
# Measures the row cache's worst case: cold COUNT(*) on a ledger of N journals of one commit each
# (one segment file per journal), next to cache=false. Acceptance (issue 15): cold within 2x.
# Usage: bench/journals.sh [N...]      (default: 20000)
#   The ledger bench/target/journals-N.git is written by bench/OneCommitJournals.java through
#   git fast-import (one pack) when absent. Prints the machine, then bench/JournalsBench.java's
#   medians of 3 (one JVM, embedded driver), then one-shot `./gatos sql` runs (JVM start included):
#   --no-cache, and cold (cache deleted) without it. Everything also goes to bench/target/journals-DATE.txt.
# Exit code 1 when an answer differed or cold took more than twice as long as cache=false.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/bench/target"
mkdir -p "$OUT"
GATOS="$ROOT/gatos"
JAR="$ROOT/cli/target/gatos.jar"
export GATOS_JAVA_OPTS="${GATOS_JAVA_OPTS:--Xmx512m}"
[ $# -gt 0 ] || set -- 20000
LOG="$OUT/journals-$(date -u +%Y%m%d-%H%M%S).txt"
exec > >(tee "$LOG") 2>&1

now_ms() { echo $(($(date +%s%N) / 1000000)); }

echo "# bench/journals.sh $*, $(date -u +%FT%TZ), commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD || echo " (modified)")"
echo "# machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), \
$(free -g | awk '/^Mem:/ {print $2}') GiB RAM, $(uname -sr)"
echo "# $(java -version 2>&1 | head -1); $(git --version)"
"$GATOS" --help >/dev/null # builds cli/target/gatos.jar when missing or older than the sources

status=0
for n in "$@"; do
  repo="$OUT/journals-$n.git"
  if [ ! -d "$repo" ]; then
    echo "# generating $repo" >&2
    git init -q --bare "$repo"
    java "$ROOT/bench/OneCommitJournals.java" "$n" | git --git-dir="$repo" fast-import --quiet
  fi
  echo
  echo "# $n one-commit journals: $repo"
  java -Xmx512m -cp "$JAR" "$ROOT/bench/JournalsBench.java" "$repo" || status=1
  q="SELECT COUNT(*) FROM events"
  start=$(now_ms); "$GATOS" sql --repo "$repo" --no-cache "$q" >/dev/null; off=$(($(now_ms) - start))
  rm -rf "$repo/gatos-sql"
  start=$(now_ms); "$GATOS" sql --repo "$repo" "$q" >/dev/null; cold=$(($(now_ms) - start))
  start=$(now_ms); "$GATOS" sql --repo "$repo" "$q" >/dev/null; warm=$(($(now_ms) - start))
  echo "# one-shot ./gatos sql ($GATOS_JAVA_OPTS, JVM start included): --no-cache $off ms, cold $cold ms, warm $warm ms"
done
echo
echo "# written to $LOG"
exit "$status"

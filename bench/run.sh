#!/usr/bin/env bash
# Measures gatos-sql against the native-git baseline on generated ledgers.
# Usage: bench/run.sh [EVENTS...]      (default: 100000)
# Writes ledgers under bench/target/ (ignored by git) and prints one table row per measurement:
# our wall time (one ./gatos sql process, JVM start included), the baseline, and the ratio.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/bench/target"
mkdir -p "$OUT"
GATOS="$ROOT/gatos"
export GATOS_JAVA_OPTS="${GATOS_JAVA_OPTS:--Xmx512m}"

seconds() { # runs "$@", prints elapsed seconds
  local start end
  start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N)
  echo "$end - $start" | bc
}

baseline() { # git rev-list <journal heads> (with envelopes) | git cat-file --batch
  local repo="$1" heads
  heads=$(git --git-dir="$repo" for-each-ref --format='%(objectname)' refs/gatos/journal/)
  # shellcheck disable=SC2086
  git --git-dir="$repo" rev-list --objects $heads | cut -d' ' -f1 | git --git-dir="$repo" cat-file --batch >/dev/null
}

printf '%-10s %-44s %9s %9s %7s\n' events measurement ours_s git_s ratio
for n in "${@:-100000}"; do
  repo="$OUT/ledger-$n.git"
  [ -d "$repo" ] || "$GATOS" generate --out "$repo" --events "$n" --seed 1 >/dev/null 2>&1
  base=$(seconds baseline "$repo")
  while IFS='|' read -r name sql; do
    ours=$(seconds "$GATOS" sql --repo "$repo" "$sql")
    printf '%-10s %-44s %9.2f %9.2f %7.2f\n' "$n" "$name" "$ours" "$base" "$(echo "$ours / $base" | bc -l)"
  done <<'QUERIES'
startup (SELECT 1)|SELECT 1
full scan aggregate|SELECT ns, COUNT(*) FROM events GROUP BY ns
JSON_VALUE sum over all payloads|SELECT SUM(CAST(JSON_VALUE(payload, '$.amount') AS DECIMAL(18,2))) FROM events
namespace filter (ns = identity)|SELECT COUNT(*) FROM events WHERE ns = 'identity'
latest 10 by ts|SELECT id FROM events ORDER BY ts DESC LIMIT 10
QUERIES
done

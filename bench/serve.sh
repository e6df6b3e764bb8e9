#!/usr/bin/env bash
# Load-tests `gatos serve`: CLIENTS concurrent clients each run QUERIES mixed queries (point lookup by
# commit_id, namespace aggregate, events-commits join, latest 10 by ts) through the Avatica remote
# driver, then the same load runs through the embedded driver; every answer is checked.
# Usage: bench/serve.sh [EVENTS...]    (default: 100000; ledgers are shared with bench/run.sh)
#        CLIENTS=16 QUERIES=200 bench/serve.sh 10000 100000
# Per size it prints ServeLoad's table (p50/p99 per query kind, errors, wrong answers, queries/s),
# then the server's exit code after SIGTERM and its peak heap from the GC log (-Xmx512m), read as
# bench/export.sh does; the ServeLoad JVM (which runs the embedded driver) is capped and logged alike
# (XMX=512m sets both caps). Logs: bench/target/serve-N.out, .err, -gc.log, -load-gc.log.
# Exits non-zero when a query failed, an answer was wrong, or the server did not stop with 0.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/bench/target"
CLIENTS="${CLIENTS:-16}"
QUERIES="${QUERIES:-200}"
XMX="${XMX:-512m}"
mkdir -p "$OUT/clients"
cd "$ROOT"

# The client jars a user downloads: the shaded Avatica client (same version as avatica-server in
# pom.xml) and the slf4j-api jar it needs but does not bundle.
pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -1; }
fetch() { # fetch ARTIFACT NAME.jar: copies ARTIFACT from Maven Central unless already there
  [ -f "$OUT/clients/$2" ] && return 0
  mvn -B -q -Dstyle.color=never -N -f "$ROOT/pom.xml" dependency:copy -Dartifact="$1" -DoutputDirectory="$OUT/clients" \
    -Dmdep.stripVersion=true
}
fetch "org.apache.calcite.avatica:avatica:$(pom_property avatica-server.version)" avatica.jar
fetch "org.slf4j:slf4j-api:$(pom_property slf4j.version)" slf4j-api.jar

"$ROOT/gatos" --version >/dev/null # builds cli/target/gatos.jar (and the other jars) when stale
[ -f jdbc-driver/target/gatos-jdbc.jar ] || mvn -B -q -o -pl jdbc-driver -am package -DskipTests

# Reads a GC log: the largest heap occupancy before a GC (peak heap, as bench/export.sh reads it),
# the largest and the last occupancy after a GC, and the number of full GCs.
heap() { # heap GC_LOG -> "peak_mb max_after_mb last_after_mb full_gcs"
  local pauses before after last full
  pauses=$(grep -o '[0-9]*M->[0-9]*M' "$1" || true)
  before=$(echo "$pauses" | sed 's/M->.*//' | sort -n | tail -1)
  after=$(echo "$pauses" | sed 's/.*->//; s/M$//' | sort -n | tail -1)
  last=$(echo "$pauses" | sed 's/.*->//; s/M$//' | tail -1)
  full=$(grep -c 'Pause Full' "$1" || true)
  echo "${before:-0} ${after:-0} ${last:-0} ${full:-0}"
}

server_pid=""
stop_server() { [ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null || true; }
trap stop_server EXIT

failed=0
for n in "${@:-100000}"; do
  repo="$OUT/ledger-$n.git"
  [ -d "$repo" ] || "$ROOT/gatos" generate --out "$repo" --events "$n" --seed 1 >/dev/null 2>&1
  log="$OUT/serve-$n"
  rm -f "$log".out "$log".err "$log"-gc.log "$log"-load-gc.log
  java "-Xmx$XMX" "-Xlog:gc:file=$log-gc.log" -jar cli/target/gatos.jar serve --repo "$repo" --port 0 \
    >"$log.out" 2>"$log.err" &
  server_pid=$!
  url=""
  for _ in $(seq 120); do
    url=$(sed -n 's/^JDBC URL: //p' "$log.out")
    [ -n "$url" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$log.err" >&2; echo "serve.sh: gatos serve exited" >&2; exit 1; }
    sleep 0.5
  done
  [ -n "$url" ] || { echo "serve.sh: no JDBC URL from gatos serve after 60 s" >&2; exit 1; }
  echo "== $n events: $CLIENTS clients x $QUERIES queries; server $url (-Xmx$XMX)"

  status=0
  java "-Xmx$XMX" "-Xlog:gc:file=$log-load-gc.log" bench/ServeLoad.java \
    --remote "$url" --remote-cp "$OUT/clients/avatica.jar:$OUT/clients/slf4j-api.jar" \
    --embedded "jdbc:gatos:repo=$repo" --embedded-cp jdbc-driver/target/gatos-jdbc.jar \
    --clients "$CLIENTS" --queries "$QUERIES" 2> >(grep -v '^SLF4J' >&2) || status=$?

  rss_kb=$(ps -o rss= -p "$server_pid" | tr -d ' ' || true)
  kill -TERM "$server_pid"
  code=0
  wait "$server_pid" || code=$?
  server_pid=""
  read -r peak after last full < <(heap "$log-gc.log")
  echo "server: exit code $code after SIGTERM ($(tail -1 "$log.out")); -Xmx$XMX: peak heap $peak MB, after GC" \
    "at most $after MB, last $last MB, $full full GCs; RSS $((${rss_kb:-0} / 1024)) MB before stopping"
  read -r peak after last full < <(heap "$log-load-gc.log")
  echo "ServeLoad JVM (runs the embedded driver): -Xmx$XMX: peak heap $peak MB, after GC at most $after MB," \
    "last $last MB, $full full GCs"
  [ "$status" -eq 0 ] && [ "$code" -eq 0 ] || failed=1
done
exit "$failed"

#!/usr/bin/env bash
# Compares our BLAKE3 with commons-codec's (issue 18: keep ours only if it matters).
# Usage: bench/blake3.sh        (builds cli/target/gatos.jar when absent)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/cli/target/gatos.jar"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -pl cli -am package -DskipTests)
echo "# $(uname -m), $(nproc) cores; $(java -version 2>&1 | head -1)"
java -cp "$JAR" "$ROOT/bench/Blake3Bench.java"

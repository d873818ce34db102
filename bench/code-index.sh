#!/usr/bin/env bash
# Benchmark (not a test): builds the code index of a generated application of N Java files (default 5000)
# and prints the time, in a cold JVM; then times whole `lifeguard lint` runs with and without a drop, to
# show that the index is built only when a drop or rename needs it. Target: index under 3 s.
#
# Usage: bench/code-index.sh [N]
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-5000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$root/lifeguard" --version >/dev/null   # build the jar first, outside the measurements
(cd "$root" && mvn -q -B -pl analyzer test-compile >/dev/null)
python3 "$root/bench/gen-code-tree.py" "$work/app" "$n"

echo "== in-process: index build time"
java -cp "$root/analyzer/target/test-classes:$root/cli/target/lifeguard.jar" \
    dev.lifeguard.analyzer.code.CodeIndexBenchmark "$work/app"

seconds() { local s e; s=$(date +%s.%N); (cd "$work/app" && "$@" >/dev/null 2>&1) || true; e=$(date +%s.%N); echo "$e - $s" | bc; }
echo "== whole runs (wall seconds, fresh JVM)"
echo "lint V3 only (adds a column; index not built): $(seconds "$root/lifeguard" lint src/main/resources/db/migration/V3__expand.sql)"
echo "lint all (V2 drops a column; index built):     $(seconds "$root/lifeguard" lint src/main/resources/db/migration)"

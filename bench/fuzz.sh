#!/usr/bin/env bash
# Runs Lifeguard's Jazzer fuzz targets in fuzzing mode, one after another, and prints a table of executions,
# coverage and findings per target. A plain `mvn -B verify` runs the same targets in regression mode (their
# seeds and saved crash inputs only).
#
#   bench/fuzz.sh [DURATION] [TARGET...]      DURATION: 10m (default), 30s, 1h...; TARGET: e.g. SqlFuzzTest#statementReaders
#
# A finding stops its target: Jazzer prints the stack trace and saves the input as crash-<sha1> in the
# target's Inputs directory under src/test/resources, where it stays as a regression seed once fixed.
# Logs: target/fuzz/<target>.log. Runs under nice; FUZZ_HEAP sets the fuzzing JVM's heap (default 1536m).
set -uo pipefail
cd "$(dirname "$0")/.."

duration="${1:-10m}"
shift || true
all=(
  "analyzer:SqlFuzzTest#splitterAndLexer"
  "analyzer:SqlFuzzTest#statementReaders"
  "analyzer:ChangelogFuzzTest#xml"
  "analyzer:ChangelogFuzzTest#yaml"
  "analyzer:ChangelogFuzzTest#json"
  "analyzer:ChangelogFuzzTest#formattedSql"
  "analyzer:CodeIndexFuzzTest#java"
  "analyzer:CodeIndexFuzzTest#kotlin"
  "rules:ConfigFileFuzzTest#lifeguardYml"
  "cli:BaselineFuzzTest#baseline"
)
targets=()
if (($#)); then
  for want in "$@"; do
    for t in "${all[@]}"; do [[ "${t#*:}" == "$want" || "${t#*:}" == "$want"#* ]] && targets+=("$t"); done
  done
else
  targets=("${all[@]}")
fi
mkdir -p target/fuzz
printf '%-40s %8s %10s %8s %6s %s\n' target seconds execs exec/s cov result
for t in "${targets[@]}"; do
  module="${t%%:*}"; test="${t#*:}"; log="target/fuzz/${test/\#/.}.log"
  start=$(date +%s)
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$duration" nice -n 10 mvn -B -q -pl "$module" -am test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.max_duration="$duration" -Djazzer.keep_going="${FUZZ_KEEP_GOING:-1}" -DargLine="-Xmx${FUZZ_HEAP:-1536m}" -DredirectTestOutputToFile=false >"$log" 2>&1
  rc=$?
  seconds=$(( $(date +%s) - start ))
  last="$(grep -E '^#[0-9]+' "$log" | tail -1)"
  execs="$(sed -nE 's/^#([0-9]+).*/\1/p' <<<"$last")"
  cov="$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")"
  rate="$(sed -nE 's/.* exec\/s: ([0-9]+).*/\1/p' <<<"$last")"
  result=ok; ((rc == 0)) || result="FINDING (see $log)"
  printf '%-40s %8s %10s %8s %6s %s\n' "$test" "$seconds" "${execs:-?}" "${rate:-?}" "${cov:-?}" "$result"
done

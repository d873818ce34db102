#!/usr/bin/env bash
# Benchmark (not a test): how fast the editors keep up, on a generated project of N migrations (default 1000)
# with a small JPA application beside them, in two layouts (Flyway SQL files, Liquibase XML changelogs).
#   - the language server: `lifeguard lsp` as its own process, driven by lsp4j's client over stdin/stdout
#     (time to the first diagnostics after didOpen, to the diagnostics of each didChange, and of pom.xml;
#     then a second server: start to the end of the workspace read it begins on `initialized`, and the first
#     diagnostics of the file opened after it);
#   - the warm project model alone, in-process (what a check costs without the protocol);
#   - the IntelliJ plugin's checkFile inside the newer IntelliJ core of kotlin-compiler (needs Debian's IntelliJ
#     jars and the kotlin-compiler jars in the local Maven repository, as .ci/run fetches them; skipped otherwise).
# Targets (issue 12): first diagnostics <= 2 s after opening, re-lint of the edited file <= 50 ms at the 95th
# percentile, a file that is no migration (pom.xml) <= 1 ms. Prints one table with the load at the start and end;
# numbers on a busy machine are noise: record the load with them.
#
# Usage: bench/editor.sh [N] [EDITS]
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-1000}"
edits="${2:-100}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"

"$root/lifeguard" --version >/dev/null   # builds cli/target/lifeguard.jar when sources changed
plugin=0
if [[ -f /usr/share/java/intellij-platform-api.jar ]]; then
    mvn -q -B -o -pl cli,ide-plugin/plugin -am package -DskipTests >/dev/null 2>&1 \
        || mvn -q -B -pl cli,ide-plugin/plugin -am package -DskipTests >/dev/null
    plugin=1
else
    mvn -q -B -o -pl cli -am test-compile >/dev/null 2>&1 || mvn -q -B -pl cli -am test-compile >/dev/null
fi
zip="$(ls "$root"/ide-plugin/plugin/target/lifeguard-intellij-*.zip 2>/dev/null | head -n 1 || true)"

python3 "$root/bench/gen-migrations.py" "$work/flyway" "$n" flyway >/dev/null
python3 "$root/bench/gen-migrations.py" "$work/liquibase" "$n" liquibase >/dev/null
# the file each benchmark edits: the one that drops a column an entity still maps, near the middle of the history
flyway_file="$(cat "$work/flyway/EDIT_TARGET")"
liquibase_file="$(cat "$work/liquibase/EDIT_TARGET")"

jar="$root/cli/target/lifeguard.jar"
lsp_cp="$root/cli/target/test-classes:$jar"
results="$work/results.tsv"
: > "$results"

run() { # layout, label, command...
    local layout="$1"; shift
    "$@" 2>"$work/err.txt" | while IFS=$'\t' read -r name median p95 count cpu; do
        [[ "$name" == \#* ]] && { echo "$layout ${name}" >&2; continue; }
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$layout" "$name" "$median" "$p95" "$count" "$cpu" >> "$results"
    done || { echo "failed: $*" >&2; cat "$work/err.txt" >&2; }
}

load_before="$(uptime | sed 's/.*load average: //')"
for layout in flyway liquibase; do
    file_var="${layout}_file"
    run "$layout" java -cp "$lsp_cp" dev.lifeguard.cli.lsp.LspBenchmark "$jar" "$work/$layout" "${!file_var}" "$edits"
    if ((plugin)) && [[ -n "$zip" ]]; then
        plugin_cp="$root/ide-plugin/plugin/target/test-classes"
        run "$layout" java -Dharness.sources="$root/ide-plugin/plugin/src/test/newer-core" -cp "$plugin_cp" \
            dev.lifeguard.intellij.NewerCoreBenchmark "$zip" "$work/$layout" "${!file_var}" "$edits"
    fi
done
load_after="$(uptime | sed 's/.*load average: //')"

echo "lifeguard editors, $n migrations, $edits edits; $(java -version 2>&1 | head -n 1); $(nproc) cores"
echo "load average (1, 5, 15 min): before $load_before; after $load_after"
echo "cpu ms: CPU time (user+sys, all threads of the process doing the work) per operation; far less inflated"
echo "by a busy machine than wall time (on 2 idle cores a check's wall time is at least cpu/2; serial work about cpu)"
printf '%-10s %-52s %10s %10s %10s %6s %s\n' layout case "median ms" "p95 ms" "cpu ms" n target
while IFS=$'\t' read -r layout name median p95 count cpu; do
    target=""
    case "$name" in
        *first*) target="<= 2000 ms" ;;
        *re-lint*|*re-check*) target="p95 <= 50 ms" ;;
        "model check of pom.xml"|"plugin check of pom.xml") target="<= 1 ms" ;;
        *pom*) target="(protocol round trip)" ;;
    esac
    printf '%-10s %-52s %10s %10s %10s %6s %s\n' "$layout" "$name" "$median" "$p95" "$cpu" "$count" "$target"
done < "$results"

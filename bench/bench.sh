#!/usr/bin/env bash
# Benchmark (not a test): wall time and peak memory (RSS) of `./lifeguard lint` on one small SQL file, one
# small Liquibase changelog and the largest real-world corpus, side by side. Each case runs RUNS times
# (default 3) in a fresh JVM; the table shows the median and best wall time and the highest peak RSS.
#
# Usage: bench/bench.sh [CORPUS_DIR]   (default: ../shared/corpus/fineract beside the repository)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$root/../shared/corpus/fineract}"
runs="${RUNS:-3}"
lifeguard="$root/lifeguard"

# Build once up front so that no measured run includes the Maven build.
"$lifeguard" --version >/dev/null

# Runs a command in a fresh process and prints "<wall seconds> <peak RSS KiB> <exit code>".
measure() {
    local dir="$1"; shift
    if [[ -x /usr/bin/time ]]; then
        local out code
        out="$(mktemp)"
        set +e
        (cd "$dir" && /usr/bin/time -f '%e %M' -o "$out" "$@" >/dev/null 2>&1)
        code=$?
        set -e
        echo "$(tail -n 1 "$out") $code"
        rm -f "$out"
    else
        python3 - "$dir" "$@" <<'PY'
import resource, subprocess, sys, time
start = time.monotonic()
code = subprocess.call(sys.argv[2:], cwd=sys.argv[1], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wall = time.monotonic() - start
print(f"{wall:.2f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss} {code}")
PY
    fi
}

bench() {
    local name="$1" dir="$2"; shift 2
    local walls=() peak=0 code=0 line
    for ((i = 0; i < runs; i++)); do
        line="$(measure "$dir" "$@")"
        read -r wall rss code <<<"$line"
        walls+=("$wall")
        ((rss > peak)) && peak=$rss
    done
    local sorted median best
    sorted="$(printf '%s\n' "${walls[@]}" | sort -g)"
    best="$(head -n 1 <<<"$sorted")"
    median="$(sed -n "$(((runs + 1) / 2))p" <<<"$sorted")"
    printf '%-34s %10s %10s %10d %6s\n' "$name" "$median" "$best" "$((peak / 1024))" "$code"
}

files_in() { find "$1" -type f \( -name '*.sql' -o -name '*.xml' -o -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) | wc -l; }

echo "lifeguard $("$lifeguard" --version | awk '{print $2}'), $(java -version 2>&1 | head -n 1), $(nproc) cores, $runs runs each"
printf '%-34s %10s %10s %10s %6s\n' "case" "median s" "best s" "peak MiB" "exit"
bench "one small SQL file (text)" "$root" \
    "$lifeguard" lint examples/flyway-shop/db/migration/V4__rename_customer_name.sql --dialect postgresql
bench "one small SQL file (sarif)" "$root" \
    "$lifeguard" lint examples/flyway-shop/db/migration/V4__rename_customer_name.sql --dialect postgresql --format sarif -o /dev/null
bench "small Liquibase changelog (sarif)" "$root" \
    "$lifeguard" lint examples/liquibase-shop --dialect postgresql --format sarif -o /dev/null
if [[ -d "$corpus" ]]; then
    bench "$(basename "$corpus") corpus, $(files_in "$corpus") files (sarif)" "$corpus" \
        "$lifeguard" lint . --dialect postgresql --format sarif -o /dev/null
else
    echo "(corpus $corpus not found: skipped)"
fi

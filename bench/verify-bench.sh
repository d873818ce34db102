#!/usr/bin/env bash
# Benchmark (not a test) of `lifeguard verify`: wall time from start to report, the database's start included,
# for
#   1. the bundled example (examples/flyway-shop: 10 migrations, every one rehearsed as a deploy of its own), and
#   2. a generated Flyway history of 200 migrations (20 tables) of which the last commit adds 10, reviewed with
#      --since HEAD~1: 190 applied by Flyway as the history before the change, 10 rehearsed.
#   3. examples/mariadb-shop (6 migrations on MariaDB, each its own deploy), when Debian's mariadbd is installed:
#      a throwaway mariadbd started (mariadb-install-db + server start), Flyway with flyway-mysql.
# Each case runs RUNS times (default 3) in a fresh JVM; the table gives the median and best wall time, the load
# average before the runs, and where the time of the last run went (verify's own phases, from its JSON report).
#
# Usage: bench/verify-bench.sh
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-3}"
lifeguard="$root/lifeguard"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$lifeguard" --version >/dev/null   # build once up front: no measured run includes the Maven build

# The generated history: V1 creates 20 tables, V2..V190 add columns, defaults and indexes to them (with U files),
# committed as the base; V191..V200 are the change.
python3 - "$work/history" <<'PY'
import os, sys
root = sys.argv[1]
mig = os.path.join(root, "db", "migration")
os.makedirs(mig)
def write(name, text):
    with open(os.path.join(mig, name), "w") as f:
        f.write(text)
tables = [f"t{i:02d}" for i in range(1, 21)]
write("V1__tables.sql", "".join(f"CREATE TABLE {t} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());\n" for t in tables))
write("U1__tables.sql", "".join(f"DROP TABLE {t};\n" for t in tables))
def migration(n):
    t = tables[n % 20]
    kind = n % 4
    if kind == 0:
        return f"ALTER TABLE {t} ADD COLUMN c{n} text;\n", f"ALTER TABLE {t} DROP COLUMN c{n};\n"
    if kind == 1:
        return f"ALTER TABLE {t} ADD COLUMN c{n} integer NOT NULL DEFAULT 0;\n", f"ALTER TABLE {t} DROP COLUMN c{n};\n"
    if kind == 2:
        return f"CREATE INDEX {t}_name_{n}_idx ON {t} (name);\n", f"DROP INDEX {t}_name_{n}_idx;\n"
    return f"ALTER TABLE {t} ADD COLUMN c{n} varchar(40);\nCOMMENT ON COLUMN {t}.c{n} IS 'column {n}';\n", f"ALTER TABLE {t} DROP COLUMN c{n};\n"
for n in range(2, 201):
    up, down = migration(n)
    write(f"V{n}__step_{n}.sql", up)
    write(f"U{n}__step_{n}.sql", down)
PY
(
    cd "$work/history"
    git init -q
    export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
    mkdir -p ../changed && for n in $(seq 191 200); do mv db/migration/V${n}__* db/migration/U${n}__* ../changed/; done
    git add -A && git commit -q -m base
    mv ../changed/* db/migration/ && git add -A && git commit -q -m change
)

# Runs verify with a JSON report; prints "<wall seconds> <exit code>" and keeps the report in $work/last.json.
measure() {
    local dir="$1"; shift
    local start end code
    start=$(date +%s%N)
    set +e
    (cd "$dir" && "$lifeguard" verify --format json "$@" >"$work/last.json" 2>/dev/null)
    code=$?
    set -e
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000000 )) $code"
}

rows=()
bench() {
    local name="$1" dir="$2"; shift 2
    local load times=() code=0
    load="$(cut -d' ' -f1 /proc/loadavg)"
    for _ in $(seq "$runs"); do
        read -r ms code < <(measure "$dir" "$@")
        times+=("$ms")
    done
    local sorted median best phases
    sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
    best=$(echo "$sorted" | head -1)
    phases=$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1])).get("rehearsal", {})
n = r.get("rehearsed")
print("; ".join(f"{k}: {v / 1000:.1f} s" for k, v in r.get("phases", {}).items()) + f" (rehearsed {n})")
' "$work/last.json")
    rows+=("$(printf '| %s | %.1f s | %.1f s | %s | %s | %s |' "$name" "$(echo "$median/1000" | bc -l)" "$(echo "$best/1000" | bc -l)" "$load" "$code" "$phases")")
}

bench "examples/flyway-shop (10 migrations, each its own deploy)" "$root" examples/flyway-shop
bench "200-migration history, 10 changed (--since HEAD~1)" "$work/history" --dialect postgresql --since HEAD~1 db
if command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ]; then
    bench "examples/mariadb-shop (6 migrations on MariaDB, each its own deploy)" "$root" --dialect mariadb examples/mariadb-shop
else
    rows+=("| examples/mariadb-shop | - | - | - | - | not run: no mariadbd (apt-get install mariadb-server) |")
fi

echo "lifeguard verify, $runs runs each, $(nproc) cores"
echo "| case | median | best | load before | exit | phases of the last run |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"

#!/usr/bin/env bash
# Performance guard (a benchmark, not a timed test): lint time must grow linearly with the size of the input.
# Generates one XML changelog of 10k/20k/40k changeSets and Flyway directories of 10k/20k migration files,
# lints each once in a fresh JVM (JSON report to /dev/null), and prints wall time, time per item and peak RSS.
# Linear growth shows as a flat "ms/item" column; quadratic growth doubles it at every step.
#
# Usage: bench/linearity.sh [SIZES_XML] [SIZES_FILES]   (default: "10000 20000 40000" "10000 20000")
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
xml_sizes="${1:-10000 20000 40000}"
file_sizes="${2:-10000 20000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/lifeguard" --version >/dev/null # build once, outside the measurements

xml() { # N: one changelog with N changeSets, each adding a column to one of 50 tables
  python3 - "$1" "$2" <<'PY'
import sys
n, out = int(sys.argv[1]), sys.argv[2]
with open(out, "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">\n')
    f.write('  <changeSet id="0" author="bench">\n' + ''.join(f'    <createTable tableName="t{t}"><column name="id" type="bigint"/></createTable>\n' for t in range(50)) + '  </changeSet>\n')
    for i in range(1, n):
        f.write(f'  <changeSet id="{i}" author="bench">\n    <addColumn tableName="t{i % 50}"><column name="c{i}" type="int"/></addColumn>\n  </changeSet>\n')
    f.write('</databaseChangeLog>\n')
PY
}

files() { # N: a Flyway directory of N migrations
  python3 - "$1" "$2" <<'PY'
import sys, os
n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "V1__tables.sql"), "w") as f:
    f.write(''.join(f'CREATE TABLE t{t} (id bigint PRIMARY KEY);\n' for t in range(50)))
for i in range(2, n + 1):
    with open(os.path.join(out, f"V{i}__add_c{i}.sql"), "w") as f:
        f.write(f'ALTER TABLE t{i % 50} ADD COLUMN c{i} int;\n')
PY
}

measure() { # DIR ARGS...: "<seconds> <peak RSS MiB>"
  local dir="$1"; shift
  local out; out="$(mktemp)"
  (cd "$dir" && /usr/bin/time -f '%e %M' -o "$out" "$root/lifeguard" lint --format json -o /dev/null "$@" >/dev/null 2>&1) || true
  tail -n 1 "$out" | awk '{printf "%s %d", $1, $2 / 1024}'
  rm -f "$out"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
printf '%-34s %8s %10s %9s %8s\n' case items seconds ms/item "RSS MiB"
for n in $xml_sizes; do
  d="$work/xml-$n"; mkdir -p "$d/db"; xml "$n" "$d/db/changelog.xml"
  read -r s m <<<"$(measure "$d" --dialect postgresql)"
  printf '%-34s %8s %10s %9.3f %8s\n' "one XML changelog, N changeSets" "$n" "$s" "$(awk -v s="$s" -v n="$n" 'BEGIN{print s*1000/n}')" "$m"
  rm -rf "$d"
done
for n in $file_sizes; do
  d="$work/files-$n"; files "$n" "$d/db/migration"
  read -r s m <<<"$(measure "$d" --dialect postgresql)"
  printf '%-34s %8s %10s %9.3f %8s\n' "Flyway directory, N files" "$n" "$s" "$(awk -v s="$s" -v n="$n" 'BEGIN{print s*1000/n}')" "$m"
  rm -rf "$d"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

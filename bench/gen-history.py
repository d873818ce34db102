#!/usr/bin/env python3
"""Writes a synthetic Flyway history of N SQL migrations (benchmark input, not a test fixture).

Usage: gen-history.py DIR N

The history looks like a real service's: tables created, columns added (some NOT NULL with a default), indexes
built (some CONCURRENTLY, on their own), backfills in batches, the odd rename or drop, lock_timeout set in about
half of the files, comments, and multi-statement files, so that every reader and most rules have work to do.
"""
import os
import random
import sys


def migration(i, tables, rnd):
    out = [f"-- migration {i}: generated for the benchmark"]
    kind = i % 10
    if kind == 0 or not tables:
        name = f"t{i}"
        tables.append(name)
        out.append(f"CREATE TABLE {name} (\n    id bigint PRIMARY KEY,\n    created_at timestamptz NOT NULL DEFAULT now(),\n"
                   f"    owner_id bigint,\n    note text\n);")
        return out
    t = rnd.choice(tables)
    if rnd.random() < 0.5:
        out.append("SET lock_timeout = '2s';")
    if kind in (1, 2):
        out.append(f"ALTER TABLE {t} ADD COLUMN c{i} text;")
        out.append(f"ALTER TABLE {t} ADD COLUMN d{i} integer NOT NULL DEFAULT 0;")
    elif kind == 3:
        return [f"-- migration {i}", f"CREATE INDEX CONCURRENTLY {t}_owner_{i} ON {t} (owner_id);"]
    elif kind == 4:
        out.append(f"CREATE INDEX {t}_created_{i} ON {t} (created_at);")
    elif kind == 5:
        out.append(f"UPDATE {t} SET note = 'n/a' WHERE note IS NULL AND id BETWEEN {i * 1000} AND {i * 1000 + 999};")
    elif kind == 6:
        out.append(f"ALTER TABLE {t} ADD CONSTRAINT {t}_owner_fk_{i} FOREIGN KEY (owner_id) REFERENCES {tables[0]} (id) NOT VALID;")
        out.append(f"ALTER TABLE {t} VALIDATE CONSTRAINT {t}_owner_fk_{i};")
    elif kind == 7:
        out.append(f"CREATE VIEW v{i} AS SELECT id, note FROM {t} WHERE created_at > now() - interval '30 days';")
    elif kind == 8:
        out.append(f"ALTER TABLE {t} ALTER COLUMN note SET DEFAULT '';")
        out.append(f"COMMENT ON TABLE {t} IS 'table {t}, touched by migration {i}';")
    else:
        out.append(f"INSERT INTO {t} (id, note) SELECT g, 'seed' FROM generate_series({i}, {i} + 10) AS g;")
    return out


def main():
    directory, n = sys.argv[1], int(sys.argv[2])
    rnd = random.Random(42)
    target = os.path.join(directory, "db", "migration")
    os.makedirs(target, exist_ok=True)
    tables = []
    for i in range(1, n + 1):
        with open(os.path.join(target, f"V{i}__step_{i}.sql"), "w") as f:
            f.write("\n".join(migration(i, tables, rnd)) + "\n")


if __name__ == "__main__":
    main()

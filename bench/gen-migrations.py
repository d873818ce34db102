#!/usr/bin/env python3
"""Generates a project of N migrations (default 1000) with a small Spring/JPA application beside them, for
bench/editor.sh. Layouts: `flyway` (one V<n>__*.sql file per migration under
src/main/resources/db/migration) or `liquibase` (db.changelog-master.xml including one XML changelog per
10 changeSets). The mix is what a long-lived service accumulates: tables created, columns added, indexes
(some built without CONCURRENTLY), backfills, a few drops and renames; the Java entities map a third of the
tables, so drops of mapped columns are `referenced-by-code` findings.

Usage: gen-migrations.py OUT_DIR [N] [flyway|liquibase]"""
import os
import sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
layout = sys.argv[3] if len(sys.argv) > 3 else "flyway"
resources = os.path.join(out, "src/main/resources")
java = os.path.join(out, "src/main/java/com/bench/model")
os.makedirs(java, exist_ok=True)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


write(os.path.join(out, "lifeguard.yml"), "dialect: postgresql\n")
write(os.path.join(out, "pom.xml"), """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.bench</groupId>
  <artifactId>bench-service</artifactId>
  <version>1.0.0</version>
</project>
""")
write(os.path.join(resources, "application.properties"), "spring.jpa.hibernate.ddl-auto=validate\n")

tables = []          # names created so far
columns = {}         # table -> extra columns added and not dropped
ever = {}            # table -> every column ever added (the entities still map dropped ones)
mapped_drops = []    # migrations that drop a column an entity maps


def statement(i):
    """The SQL of migration i (1-based), plus whether it is a drop of a mapped column."""
    kind = i % 10
    if kind == 1 or not tables:
        t = f"t{len(tables) + 1}"
        tables.append(t)
        columns[t] = []
        ever[t] = []
        return (f"CREATE TABLE {t} (\n    id bigint PRIMARY KEY,\n    name text NOT NULL,\n"
                f"    status varchar(20),\n    created_at timestamptz NOT NULL DEFAULT now()\n);\n")
    t = tables[(i * 7) % len(tables)]
    if kind in (2, 5):
        c = f"c{i}"
        columns[t].append(c)
        ever[t].append(c)
        return f"ALTER TABLE {t} ADD COLUMN {c} integer;\n"
    if kind == 3:
        return f"CREATE INDEX {t}_status_{i} ON {t} (status);\n"
    if kind == 4:
        return f"CREATE INDEX CONCURRENTLY {t}_name_{i} ON {t} (name);\n"
    if kind == 6:
        return f"UPDATE {t} SET status = 'active' WHERE status IS NULL AND id < {i * 100};\n"
    if kind == 7:
        return f"COMMENT ON TABLE {t} IS 'migration {i}';\n"
    if kind == 8 and columns[t]:
        if tables.index(t) % 3 == 0:
            mapped_drops.append(i)  # the entity of t still maps the column: referenced-by-code
        return f"SET lock_timeout = '2s';\nALTER TABLE {t} DROP COLUMN {columns[t].pop(0)};\n"
    if kind == 9:
        return f"SET lock_timeout = '2s';\nALTER TABLE {t} ALTER COLUMN status SET DEFAULT 'new';\n"
    return f"INSERT INTO {t} (id, name) VALUES ({i}, 'seed {i}');\n"


migrations = [statement(i) for i in range(1, n + 1)]

# the file an editor benchmark edits: the one holding the mapped column drop nearest the middle of the history
middle = min(mapped_drops, key=lambda i: abs(i - n // 2)) if mapped_drops else n // 2
if layout == "flyway":
    mig = os.path.join(resources, "db/migration")
    for i, sql in enumerate(migrations, 1):
        write(os.path.join(mig, f"V{i}__step_{i}.sql"), f"-- migration {i}\n{sql}")
    target = f"src/main/resources/db/migration/V{middle}__step_{middle}.sql"
else:
    log = os.path.join(resources, "db/changelog")
    files = []
    per_file = 10
    for f in range(0, n, per_file):
        name = f"changes/{f // per_file + 1:04d}-changes.xml"
        files.append(name)
        sets = []
        for i in range(f + 1, min(n, f + per_file) + 1):
            sets.append(f"""  <changeSet id="{i}" author="bench">
    <sql>{migrations[i - 1].strip()}</sql>
    <rollback/>
  </changeSet>""")
        write(os.path.join(log, name), """<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
""" + "\n".join(sets) + "\n</databaseChangeLog>\n")
    target = "src/main/resources/db/changelog/" + files[(middle - 1) // per_file]
    includes = "\n".join(f'  <include file="{f}" relativeToChangelogFile="true"/>' for f in files)
    write(os.path.join(log, "db.changelog-master.xml"), """<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
""" + includes + "\n</databaseChangeLog>\n")

# entities for a third of the tables, mapping every column ever added: a dropped one is still referenced
for k, t in enumerate(tables):
    if k % 3:
        continue
    cls = "Entity" + t[1:]
    fields = "\n".join(f'    @Column(name = "{c}")\n    private Integer {c};' for c in ever[t])
    write(os.path.join(java, cls + ".java"), f"""package com.bench.model;

import jakarta.persistence.*;
import java.time.Instant;

@Entity
@Table(name = "{t}")
public class {cls} {{
    @Id
    private Long id;
    private String name;
    private String status;
    @Column(name = "created_at")
    private Instant createdAt;
{fields}
}}
""")
with open(os.path.join(out, "EDIT_TARGET"), "w") as f:
    f.write(target + "\n")
print(f"{n} migrations ({layout}), {len(tables)} tables, {(len(tables) + 2) // 3} entities in {out}; edit {target}")

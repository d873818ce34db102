#!/usr/bin/env python3
"""Generates a Spring/JPA application of N Java files (default 5000) with migrations beside it, for
bench/code-index.sh. The mix is what a real service looks like: most classes are services, controllers
and DTOs without SQL; a fifth are entities (some with a mapped superclass and embeddables), and some
are repositories with native queries and DAOs with JdbcTemplate strings and text blocks."""
import os
import sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
java = os.path.join(out, "src/main/java/com/bench")
mig = os.path.join(out, "src/main/resources/db/migration")
os.makedirs(mig, exist_ok=True)

def write(rel, text):
    path = os.path.join(java, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)

write("model/Auditable.java", """package com.bench.model;

import jakarta.persistence.*;
import java.time.Instant;

@MappedSuperclass
public abstract class Auditable {
    @Column(name = "created_at")
    private Instant createdAt;
    private Instant updatedAt;
}
""")
write("model/Money.java", """package com.bench.model;

import jakarta.persistence.Embeddable;

@Embeddable
public class Money {
    private java.math.BigDecimal amount;
    private String currencyCode;
}
""")

plain_body = "\n".join(
    f"""    public int step{k}(int value) {{
        int result = value * {k + 1};
        if (result % 3 == 0) {{
            log.debug("step {k}: {{}}", result);
            return helper.adjust(result - {k});
        }}
        return result + {k};
    }}
""" for k in range(8))

for i in range(n - 2):
    kind = i % 10
    pkg = f"module{i % 50}"
    if kind in (0, 1):
        write(f"{pkg}/Entity{i}.java", f"""package com.bench.{pkg};

import com.bench.model.Auditable;
import com.bench.model.Money;
import jakarta.persistence.*;

@Entity
@Table(name = "entity_{i}")
public class Entity{i} extends Auditable {{
    @Id
    @GeneratedValue
    private Long id;

    private String displayName;

    @Column(name = "ref_code_{i}", nullable = false)
    private String referenceCode;

    @Embedded
    private Money price;

    @ManyToOne
    @JoinColumn(name = "parent_id")
    private Entity{max(i - 10, 0)} parent;

    @Transient
    private String cached;

    private static final long serialVersionUID = 1L;

    public Long getId() {{
        return id;
    }}

    public String getDisplayName() {{
        return displayName;
    }}
}}
""")
    elif kind == 2:
        write(f"{pkg}/Entity{i - 2}Repository.java", f"""package com.bench.{pkg};

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import java.util.List;

public interface Entity{i - 2}Repository extends JpaRepository<Entity{i - 2}, Long> {{
    @Query(value = "SELECT e.* FROM entity_{i - 2} e WHERE e.display_name = :name", nativeQuery = true)
    List<Entity{i - 2}> byName(String name);

    @Query(nativeQuery = true, value = \"\"\"
            SELECT e.id, e.ref_code_{i - 2}
              FROM entity_{i - 2} e
              JOIN entity_{max(i - 12, 0)} p ON p.id = e.parent_id
             WHERE e.amount > :min
            \"\"\")
    List<Object[]> expensive(java.math.BigDecimal min);
}}
""")
    elif kind == 3:
        write(f"{pkg}/Dao{i}.java", f"""package com.bench.{pkg};

import org.springframework.jdbc.core.JdbcTemplate;

public class Dao{i} {{
    private final JdbcTemplate jdbc;

    public Dao{i}(JdbcTemplate jdbc) {{
        this.jdbc = jdbc;
    }}

    public int count() {{
        return jdbc.queryForObject("select count(*) from entity_{i - 3} where updated_at > now() - interval '1 day'",
                Integer.class);
    }}

    public void rename(long id, String name) {{
        jdbc.update("UPDATE entity_{i - 3} SET display_name = ? "
                + "WHERE id = ?", name, id);
    }}
}}
""")
    else:
        write(f"{pkg}/Service{i}.java", f"""package com.bench.{pkg};

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

@Service
public class Service{i} {{
    private static final Logger log = LoggerFactory.getLogger(Service{i}.class);
    private final Helper helper;

    public Service{i}(Helper helper) {{
        this.helper = helper;
    }}

{plain_body}
    public String describe() {{
        return "Service{i} with " + helper.name() + " (select your plan from the menu)";
    }}
}}
""")

with open(os.path.join(mig, "V1__entities.sql"), "w") as f:
    for i in range(0, 50, 10):
        f.write(f"CREATE TABLE entity_{i} (id bigint PRIMARY KEY, display_name text, ref_code_{i} text, parent_id bigint);\n")
with open(os.path.join(mig, "V2__contract.sql"), "w") as f:
    f.write("ALTER TABLE entity_10 DROP COLUMN display_name;\n")
with open(os.path.join(mig, "V3__expand.sql"), "w") as f:
    f.write("ALTER TABLE entity_20 ADD COLUMN note text;\n")
print(f"{n} Java files under {java}")

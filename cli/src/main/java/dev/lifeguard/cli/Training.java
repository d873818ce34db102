package dev.lifeguard.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run the launcher records the JVM's ahead-of-time cache from (JDK 25's AOT cache, or a dynamic
 * class-data-sharing archive on JDK 17): typical commands on a small Flyway and a small Liquibase project,
 * written to a temporary directory, run in this one JVM with their output thrown away. What a run loads and
 * links here is what later runs find ready in the cache. Not a command users call: {@code bin/lifeguard}
 * runs it in the background, once per Lifeguard build and JDK (on Java 25, once with {@code sql} as well: see
 * {@link StartupCacheMarker}).
 */
public final class Training {
    private Training() {
    }

    /** @param args {@code sql}: the SQL lint runs in text only, for the cache the launcher starts directories on */
    public static void main(String[] args) throws IOException {
        boolean sqlOnly = args.length > 0 && args[0].equals("sql");
        Path dir = Files.createTempDirectory("lifeguard-training");
        try {
            Path sql = write(dir.resolve("flyway"), Map.of(
                    "db/migration/V1__create_users.sql", """
                            CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL, email varchar(200));
                            CREATE INDEX users_email ON users (email);
                            """,
                    "db/migration/V2__change_users.sql", """
                            ALTER TABLE users ADD COLUMN phone text;
                            ALTER TABLE users ADD COLUMN nickname text NOT NULL;
                            ALTER TABLE users RENAME COLUMN name TO full_name;
                            CREATE INDEX users_phone ON users (phone);
                            UPDATE users SET phone = '' WHERE phone IS NULL;
                            """,
                    "db/migration/V3__rename_email.sql", """
                            SET lock_timeout = '5s';
                            ALTER TABLE users RENAME COLUMN email TO mail;
                            DROP INDEX users_phone;
                            """,
                    "db/migration/U3__rename_email.sql", """
                            ALTER TABLE users RENAME COLUMN mail TO email;
                            CREATE INDEX users_phone ON users (phone);
                            """));
            Path history = write(dir.resolve("history"), history(40));
            Path liquibase = write(dir.resolve("liquibase"), Map.of(
                    "db/changelog/db.changelog-master.xml", """
                            <?xml version="1.0" encoding="UTF-8"?>
                            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                                <changeSet id="1" author="t">
                                    <createTable tableName="products">
                                        <column name="id" type="bigint"><constraints primaryKey="true"/></column>
                                        <column name="title" type="varchar(200)"/>
                                    </createTable>
                                </changeSet>
                                <changeSet id="2" author="t">
                                    <renameColumn tableName="products" oldColumnName="title" newColumnName="name"/>
                                    <addColumn tableName="products">
                                        <column name="sku" type="varchar(40)"><constraints nullable="false"/></column>
                                    </addColumn>
                                    <sql>UPDATE products SET sku = 'x'</sql>
                                </changeSet>
                                <changeSet id="2b" author="t">
                                    <sql>SET lock_timeout = '5s'</sql>
                                    <addColumn tableName="products">
                                        <column name="price" type="numeric(10,2)" defaultValue="0"><constraints nullable="false"/></column>
                                        <column name="currency" type="char(3)"/>
                                    </addColumn>
                                    <rollback><dropColumn tableName="products" columnName="price"/></rollback>
                                </changeSet>
                                <changeSet id="2c" author="t">
                                    <sql>CREATE VIEW priced AS SELECT id, name FROM products WHERE price > 0</sql>
                                    <rollback><sql>DROP VIEW priced</sql></rollback>
                                </changeSet>
                                <include file="more.yaml" relativeToChangelogFile="true"/>
                            </databaseChangeLog>
                            """,
                    "db/changelog/more.yaml", """
                            databaseChangeLog:
                              - changeSet:
                                  id: 3
                                  author: t
                                  changes:
                                    - dropColumn: {tableName: products, columnName: sku}
                            """));
            List<List<String>> runs = List.of(
                    List.of("lint", sql.resolve("db/migration/V2__change_users.sql").toString()),
                    List.of("lint", sql.resolve("db/migration/V3__rename_email.sql").toString(), "--dialect", "postgresql"),
                    List.of("lint", sql.toString(), "--dialect", "postgresql"),
                    List.of("lint", history.toString(), "--dialect", "postgresql"),
                    List.of("lint", sql.toString(), "--format", "sarif"),
                    List.of("lint", sql.toString(), "--format", "json"),
                    List.of("lint", sql.toString(), "--format", "github", "--fail-on", "error"),
                    List.of("lint", liquibase.toString()),
                    List.of("lint", liquibase.toString(), "--format", "sarif"),
                    List.of("rules"),
                    List.of("explain", "missing-lock-timeout"),
                    List.of("help"));
            PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
            // what every real run asks first (the environment, whether stdout is a terminal), whose JDK classes the
            // runs below, in an environment of their own, would otherwise leave out of the cache
            Environment.system();
            for (List<String> run : runs) {
                // the SQL cache: SQL lint runs in the formats people read (a hook, a terminal, a GitHub log);
                // JSON and SARIF bring Jackson's classes, which every run would then load at start-up
                if (sqlOnly && (!run.get(0).equals("lint") || run.get(1).equals(liquibase.toString())
                        || run.contains("json") || run.contains("sarif"))) {
                    continue;
                }
                Environment environment = new Environment(dir, Map.of(), false);
                Main.run(run.toArray(String[]::new), nowhere, nowhere, environment);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * A longer Flyway history, as bench/gen-history.py writes them: enough files for the parallel parse, and the
     * statements most histories are made of (tables, columns, indexes, foreign keys, backfills, views, comments,
     * seed data, functions), so that the rules that look at them are linked in the cache too.
     */
    private static Map<String, String> history(int n) {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
            String t = "t" + (i / 10 * 10 == 0 ? 1 : i / 10 * 10);
            String sql = switch (i % 10) {
                case 0, 1 -> "CREATE TABLE t" + i + " (id bigint PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now(),"
                        + " owner_id bigint, note text);";
                case 2 -> "SET lock_timeout = '2s';\nALTER TABLE " + t + " ADD COLUMN c" + i + " text;\nALTER TABLE " + t
                        + " ADD COLUMN d" + i + " integer NOT NULL DEFAULT 0;";
                // every other table's foreign key (case 6) is left without an index, as in longer histories
                case 3 -> "CREATE INDEX CONCURRENTLY " + t + "_owner_" + i + " ON " + t + (i / 10 % 2 == 0 ? " (owner_id);"
                        : " (note);");
                case 4 -> "CREATE INDEX " + t + "_created_" + i + " ON " + t + " (created_at);";
                case 5 -> "UPDATE " + t + " SET note = 'n/a' WHERE note IS NULL AND id BETWEEN 1 AND 1000;\n"
                        + "DELETE FROM " + t + " WHERE note = 'x';";
                case 6 -> "ALTER TABLE " + t + " ADD CONSTRAINT " + t + "_owner_fk_" + i + " FOREIGN KEY (owner_id)"
                        + " REFERENCES t1 (id) NOT VALID;\nALTER TABLE " + t + " VALIDATE CONSTRAINT " + t + "_owner_fk_" + i + ";";
                case 7 -> "CREATE VIEW v" + i + " AS SELECT id, note FROM " + t + " WHERE created_at > now() - interval '30 days';\n"
                        + "CREATE OR REPLACE FUNCTION f" + i + "() RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;";
                case 8 -> "ALTER TABLE " + t + " ALTER COLUMN note SET DEFAULT '';\nCOMMENT ON TABLE " + t + " IS 'touched';\n"
                        + "ALTER TABLE " + t + " ALTER COLUMN note SET NOT NULL;";
                default -> "INSERT INTO " + t + " (id, note) SELECT g, 'seed' FROM generate_series(1, 10) AS g;\n"
                        + "ALTER TABLE " + t + " DROP COLUMN IF EXISTS c" + (i - 7) + ";";
            };
            files.put("db/migration/V" + i + "__step_" + i + ".sql", "-- migration " + i + "\n" + sql + "\n");
        }
        return files;
    }

    private static Path write(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = root.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue());
        }
        return root;
    }
}

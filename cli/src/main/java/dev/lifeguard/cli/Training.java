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
 * runs it in the background, once per Lifeguard build and JDK.
 */
public final class Training {
    private Training() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("lifeguard-training");
        try {
            Path sql = write(dir.resolve("flyway"), Map.of(
                    "db/migration/V1__create_users.sql", """
                            CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL, email varchar(200));
                            CREATE INDEX users_email ON users (email);
                            """,
                    "db/migration/V2__change_users.sql", """
                            ALTER TABLE users ADD COLUMN phone text;
                            ALTER TABLE users RENAME COLUMN name TO full_name;
                            CREATE INDEX users_phone ON users (phone);
                            UPDATE users SET phone = '' WHERE phone IS NULL;
                            """));
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
                                    <addColumn tableName="products"><column name="sku" type="varchar(40)"/></addColumn>
                                    <sql>UPDATE products SET sku = 'x'</sql>
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
                    List.of("lint", sql.toString(), "--dialect", "postgresql"),
                    List.of("lint", sql.toString(), "--format", "sarif"),
                    List.of("lint", sql.toString(), "--format", "json"),
                    List.of("lint", sql.toString(), "--format", "github", "--fail-on", "error"),
                    List.of("lint", liquibase.toString()),
                    List.of("lint", liquibase.toString(), "--format", "sarif"),
                    List.of("rules"),
                    List.of("explain", "missing-lock-timeout"),
                    List.of("help"));
            PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
            for (List<String> run : runs) {
                Environment environment = new Environment(dir, Map.of(), false);
                Main.run(run.toArray(String[]::new), nowhere, nowhere, environment);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
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

package dev.lifeguard.rules.editor;

import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.warm.FileStore;
import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warm project model both editors share: what a re-check reads and parses, what it forgets when a file
 * changes, cancellation, and {@code referenced-by-code} kept up to date as Java sources change.
 */
class ProjectModelTest {
    private static final Runnable NEVER = () -> {
    };

    @TempDir
    Path root;

    /** Flyway migrations V1..Vn: a table each, then a column added to it. */
    private List<Path> flyway(int n) throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String sql = i % 2 == 1 ? "CREATE TABLE t" + i + " (id bigint PRIMARY KEY, name text);\n"
                    : "ALTER TABLE t" + (i - 1) + " ADD COLUMN c" + i + " integer;\n";
            files.add(write("db/migration/V" + i + "__step_" + i + ".sql", sql));
        }
        return files;
    }

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return root.relativize(file);
    }

    private static List<String> rules(ProjectModel.Linted linted) {
        return linted.findings().stream().map(Finding::ruleId).sorted().toList();
    }

    @Test
    void relintAfterEditingOneMigrationReadsNoOtherMigrationFromDisk() throws Exception {
        List<Path> migrations = flyway(40);
        Path edited = migrations.get(20);
        ProjectModel model = new ProjectModel(root, BuiltinRules.all());
        FileStore store = model.warm().store();
        model.lint(edited, Files.readString(root.resolve(edited)), NEVER).orElseThrow();
        long afterFirst = store.diskReads();
        for (Path m : migrations) {
            assertEquals(1, store.diskReads(root.resolve(m)), m + " is read once, by the first check");
        }

        for (int i = 0; i < 5; i++) {
            String typed = "CREATE INDEX t21_name_" + i + " ON t21 (name);\n";
            ProjectModel.Linted linted = model.lint(edited, typed, NEVER).orElseThrow();
            assertEquals(List.of("missing-lock-timeout", "non-concurrent-index"), rules(linted), "the edited text is checked");
        }
        assertEquals(afterFirst, store.diskReads(), "re-checks read nothing from disk");

        // another migration saved on disk: that one is read again, and nothing else
        Path other = migrations.get(5);
        Files.writeString(root.resolve(other), "ALTER TABLE t5 ADD COLUMN c6 integer NOT NULL;\n");
        model.changed(root.resolve(other));
        model.lint(edited, "SELECT 1;\n", NEVER).orElseThrow();
        assertEquals(afterFirst + 1, store.diskReads(), "only the changed file was read again");
        assertEquals(2, store.diskReads(root.resolve(other)));
        assertEquals(1, store.diskReads(root.resolve(migrations.get(6))));
    }

    @Test
    void relintOfOneIncludedChangelogReadsNoOtherChangelog() throws Exception {
        StringBuilder master = new StringBuilder("<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n");
        for (int i = 1; i <= 12; i++) {
            write("db/changelog/changes/" + i + ".xml", changelog(i, "CREATE TABLE t" + i + " (id bigint PRIMARY KEY)"));
            master.append("  <include file=\"changes/").append(i).append(".xml\" relativeToChangelogFile=\"true\"/>\n");
        }
        write("db/changelog/master.xml", master.append("</databaseChangeLog>\n").toString());
        ProjectModel model = new ProjectModel(root, BuiltinRules.all());
        FileStore store = model.warm().store();
        Path edited = Path.of("db/changelog/changes/7.xml");
        model.lint(edited, Files.readString(root.resolve(edited)), NEVER).orElseThrow();
        long afterFirst = store.diskReads();

        ProjectModel.Linted linted = model.lint(edited, changelog(7, "CREATE INDEX i7 ON t3 (id)"), NEVER).orElseThrow();
        assertTrue(rules(linted).contains("non-concurrent-index"), linted.findings().toString());
        assertEquals(afterFirst, store.diskReads(), "the other changelogs come from memory");
        for (int i = 1; i <= 12; i++) {
            assertEquals(1, store.diskReads(root.resolve("db/changelog/changes/" + i + ".xml")));
        }
    }

    private static String changelog(int id, String sql) {
        return "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
                + "  <changeSet id=\"" + id + "\" author=\"dev\">\n    <sql>" + sql + "</sql>\n    <rollback/>\n"
                + "  </changeSet>\n</databaseChangeLog>\n";
    }

    @Test
    void fileThatIsNoMigrationReportsNothingAndCostsNoRead() throws Exception {
        List<Path> migrations = flyway(6);
        write("pom.xml", "<project><modelVersion>4.0.0</modelVersion></project>\n");
        write("docker-compose.yml", "services:\n  db:\n    image: postgres\n");
        ProjectModel model = new ProjectModel(root, BuiltinRules.all());
        model.lint(migrations.get(0), Files.readString(root.resolve(migrations.get(0))), NEVER).orElseThrow();
        long reads = model.warm().store().diskReads();
        assertTrue(model.lint(Path.of("pom.xml"), "<project><modelVersion>4.0.0</modelVersion></project>\n", NEVER).isEmpty());
        assertTrue(model.lint(Path.of("docker-compose.yml"), "services: {}\n", NEVER).isEmpty());
        assertTrue(model.lint(Path.of("README.md"), "# hi\n", NEVER).isEmpty());
        assertEquals(reads, model.warm().store().diskReads());
    }

    @Test
    void canceledCheckThrowsTheHostsExceptionAndLeavesNothingHalfDone() throws Exception {
        List<Path> migrations = flyway(30);
        Path edited = migrations.get(29);
        String dangerous = "CREATE INDEX t29_name ON t29 (name);\n";
        List<String> expected = rules(new ProjectModel(root, BuiltinRules.all()).lint(edited, dangerous, NEVER).orElseThrow());

        for (int after : new int[] {0, 1, 3, 10, 40}) {
            ProjectModel model = new ProjectModel(root, BuiltinRules.all());
            AtomicInteger calls = new AtomicInteger();
            IllegalStateException cancel = new IllegalStateException("canceled");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> model.lint(edited, dangerous, () -> {
                if (calls.incrementAndGet() > after) {
                    throw cancel;
                }
            }));
            assertSame(cancel, thrown, "the host's own exception comes back (IntelliJ's ProcessCanceledException)");
            assertEquals(expected, rules(model.lint(edited, dangerous, NEVER).orElseThrow()),
                    "canceled after " + after + " checks: the next check is complete");
        }
    }

    @Test
    void referencedByCodeFollowsJavaEditsReadingOnlyTheChangedSource() throws Exception {
        write("src/main/resources/db/migration/V1__users.sql",
                "CREATE TABLE users (id bigint PRIMARY KEY, nickname text, email text);\n");
        Path drop = write("src/main/resources/db/migration/V2__drop_nickname.sql",
                "ALTER TABLE users DROP COLUMN nickname;\n");
        Path user = write("src/main/java/com/shop/User.java", """
                package com.shop;

                import jakarta.persistence.*;

                @Entity
                @Table(name = "users")
                public class User {
                    @Id
                    private Long id;
                    private String nickname;
                    private String email;
                }
                """);
        for (int i = 0; i < 5; i++) {
            write("src/main/java/com/shop/Service" + i + ".java",
                    "package com.shop;\n\npublic class Service" + i + " {\n    int step() { return " + i + "; }\n}\n");
        }
        ProjectModel model = new ProjectModel(root, BuiltinRules.all());
        String text = Files.readString(root.resolve(drop));
        ProjectModel.Linted first = model.lint(drop, text, NEVER).orElseThrow();
        assertTrue(rules(first).contains("referenced-by-code"), first.findings().toString());
        long reads = model.warm().store().diskReads();

        // typing in the migration: the index is kept
        model.lint(drop, text + "-- typing\n", NEVER).orElseThrow();
        assertEquals(reads, model.warm().store().diskReads());

        // the entity stops mapping the column: saved, and reported changed by the editor
        Files.writeString(root.resolve(user), Files.readString(root.resolve(user)).replace("    private String nickname;\n", ""));
        model.changed(root.resolve(user));
        ProjectModel.Linted after = model.lint(drop, text, NEVER).orElseThrow();
        assertTrue(!rules(after).contains("referenced-by-code"), after.findings().toString());
        assertEquals(reads + 1, model.warm().store().diskReads(), "only User.java was read again");
        assertEquals(1, model.warm().store().diskReads(root.resolve("src/main/java/com/shop/Service3.java")));
    }

    /**
     * An editor opening the project warms the model up: migrations, changelogs and the code index are read
     * before any file is opened, and the first check then reads nothing from disk.
     */
    @Test
    void warmUpReadsMigrationsAndCodeSoTheFirstCheckReadsNothing() throws Exception {
        List<Path> migrations = flyway(10);
        Path drop = write("db/migration/V11__drop_name.sql", "ALTER TABLE t1 DROP COLUMN name;\n");
        Path user = write("src/main/java/com/shop/T1.java", """
                package com.shop;

                import jakarta.persistence.*;

                @Entity
                @Table(name = "t1")
                public class T1 {
                    @Id
                    private Long id;
                    private String name;
                }
                """);
        ProjectModel model = new ProjectModel(root, BuiltinRules.all());
        FileStore store = model.warm().store();
        model.warmUp(NEVER);
        long warmed = store.diskReads();
        for (Path m : migrations) {
            assertEquals(1, store.diskReads(root.resolve(m)), m + " is read by the warm-up");
        }
        assertEquals(1, store.diskReads(root.resolve(user)), "the code index is built by the warm-up");

        ProjectModel.Linted first = model.lint(drop, Files.readString(root.resolve(drop)), NEVER).orElseThrow();
        assertTrue(rules(first).contains("referenced-by-code"), first.findings().toString());
        assertEquals(warmed, store.diskReads(), "the first check after the warm-up reads nothing from disk");
    }

    /** A warm-up the editor cancels (the server shuts down) leaves the caches complete for the next check. */
    @Test
    void aCanceledWarmUpLeavesNothingHalfDone() throws Exception {
        List<Path> migrations = flyway(12);
        ProjectModel model = new ProjectModel(root, BuiltinRules.all());
        AtomicInteger checks = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> model.warmUp(() -> {
            if (checks.incrementAndGet() == 5) {
                throw new IllegalStateException("canceled");
            }
        }));
        Path edited = migrations.get(3);
        ProjectModel.Linted linted = model.lint(edited, "ALTER TABLE t3 ADD COLUMN d integer NOT NULL;\n", NEVER).orElseThrow();
        assertTrue(rules(linted).contains("not-null-without-default"), linted.findings().toString());
    }

    /**
     * A lifeguard.yml written after the project was read (by hand, by a git checkout; no editor event) applies
     * from the next check on, without waiting for a sweep of the disk.
     */
    @Test
    void lifeguardYmlWrittenSinceTheLastCheckAppliesToTheNext() throws Exception {
        List<Path> migrations = flyway(4);
        Path edited = migrations.get(3);
        String text = "CREATE INDEX t3_name ON t3 (name);\n";
        ProjectModel model = new ProjectModel(root, BuiltinRules.all());
        model.warmUp(NEVER);
        assertEquals(List.of("missing-lock-timeout", "non-concurrent-index"), rules(model.lint(edited, text, NEVER).orElseThrow()));
        write("lifeguard.yml", "rules:\n  missing-lock-timeout: off\n");
        assertEquals(List.of("non-concurrent-index"), rules(model.lint(edited, text, NEVER).orElseThrow()));
        Files.delete(root.resolve("lifeguard.yml"));
        assertEquals(List.of("missing-lock-timeout", "non-concurrent-index"), rules(model.lint(edited, text, NEVER).orElseThrow()));
    }

    /** A migration created on disk after the project was read, with no event about it: found when it is opened. */
    @Test
    void aMigrationCreatedSinceTheProjectWasReadIsFoundWithoutAnEvent() throws Exception {
        List<Path> migrations = flyway(4);
        ProjectModel model = new ProjectModel(root, BuiltinRules.all());
        model.lint(migrations.get(3), Files.readString(root.resolve(migrations.get(3))), NEVER).orElseThrow();
        Path v9 = write("db/migration/V9__index.sql", "CREATE INDEX t1_name ON t1 (name);\n");
        assertEquals(List.of("missing-lock-timeout", "non-concurrent-index"),
                rules(model.lint(v9, Files.readString(root.resolve(v9)), NEVER).orElseThrow()));
        Path v5 = write("db/migration/V5__drop.sql", "SET lock_timeout = '2s';\nALTER TABLE t3 DROP COLUMN name;\n");
        assertEquals(List.of("drop-column"), rules(model.lint(v5, Files.readString(root.resolve(v5)), NEVER).orElseThrow()));
        // a file that is no migration at all is read for once, not on every keystroke
        Path notes = write("target/notes.sql", "SELECT 1;\n");
        long reads = model.warm().store().diskReads();
        for (int i = 0; i < 3; i++) {
            assertTrue(model.lint(notes, "SELECT " + i + ";\n", NEVER).isEmpty());
        }
        assertTrue(model.warm().store().diskReads() - reads <= 4, "one read of the project at most");
    }

    @Test
    void sweepFindsAChangeNoEditorReported() throws Exception {
        List<Path> migrations = flyway(4);
        ProjectModel model = new ProjectModel(root, BuiltinRules.all());
        Path last = migrations.get(3);
        model.lint(last, Files.readString(root.resolve(last)), NEVER).orElseThrow();
        assertTrue(!model.sweep(), "nothing changed yet");

        // as a git checkout would: V3 now drops the table V4 alters
        Files.writeString(root.resolve(migrations.get(2)), "DROP TABLE t1;\n-- a longer text than before\n");
        assertTrue(model.sweep());
        Project whole = model.whole(NEVER);
        assertTrue(whole.source(migrations.get(2)).orElseThrow().text().startsWith("DROP TABLE t1"));
    }
}

package dev.lifeguard.intellij.problems;

import dev.lifeguard.rules.suppress.Suppressions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine in-process on a project on disk, with one file as an editor holds it. */
class FileLinterTest {
    @TempDir
    Path root;

    private final FileLinter linter = new FileLinter(FileLinter.class.getClassLoader());

    private Path write(String relative, String text) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static List<String> ruleIds(List<EditorProblem> problems) {
        return problems.stream().map(EditorProblem::ruleId).toList();
    }

    @Test
    void theEditorTextIsLintedWithTheHistoryBeforeItFromDisk() throws IOException {
        write("db/migration/V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
        Path v2 = write("db/migration/V2__index.sql", "SELECT 1;\n");
        String editor = "SET lock_timeout = '2s';\nCREATE INDEX idx_users_email ON users (email);\n";

        List<EditorProblem> problems = linter.lint(root, v2, editor);
        EditorProblem index = problems.stream().filter(p -> p.ruleId().equals("non-concurrent-index")).findFirst()
                .orElseThrow(() -> new AssertionError(problems.toString()));
        assertEquals("CREATE INDEX idx_users_email ON users (email)", editor.substring(index.start(), index.end()));
        assertTrue(index.html().contains(">non-concurrent-index</a>"), index.html());

        // the rule's fix, applied as the IDE applies it, makes the finding go away
        EditPlan fix = index.fixes().get(0);
        String fixed = fix.applyTo(editor);
        assertTrue(fixed.contains("CREATE INDEX CONCURRENTLY idx_users_email"), fixed);
        assertFalse(ruleIds(linter.lint(root, v2, fixed)).contains("non-concurrent-index"));
    }

    @Test
    void aTableCreatedInTheSameEditedFileIsNew() throws IOException {
        write("db/migration/V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\n");
        Path v2 = write("db/migration/V2__orders.sql", "SELECT 1;\n");
        String editor = "CREATE TABLE orders (id bigint);\nCREATE INDEX idx_orders ON orders (id);\n";
        assertFalse(ruleIds(linter.lint(root, v2, editor)).contains("non-concurrent-index"));
    }

    @Test
    void liquibaseChangelogsAreReadFromTheEditorTextAndHighlightedByLine() throws IOException {
        String before = """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="1" author="a">
                        <createTable tableName="users">
                            <column name="id" type="bigint"/>
                            <column name="name" type="text"/>
                        </createTable>
                    </changeSet>
                </databaseChangeLog>
                """;
        Path changelog = write("db/changelog/db.changelog-master.xml", before);
        String editor = before.replace("</databaseChangeLog>", """
                    <changeSet id="2" author="a">
                        <renameColumn tableName="users" oldColumnName="name" newColumnName="full_name"/>
                    </changeSet>
                </databaseChangeLog>""");

        List<EditorProblem> problems = linter.lint(root, changelog, editor);
        EditorProblem rename = problems.stream().filter(p -> p.ruleId().equals("rename-column")).findFirst()
                .orElseThrow(() -> new AssertionError(problems.toString()));
        assertEquals("<renameColumn tableName=\"users\" oldColumnName=\"name\" newColumnName=\"full_name\"/>",
                editor.substring(rename.start(), rename.end()));
        String suppressed = rename.suppression().applyTo(editor);
        assertTrue(suppressed.contains("        <!-- lifeguard:ignore rename-column " + Suppressions.REASON_PLACEHOLDER
                + " -->\n        <renameColumn"), suppressed);
    }

    @Test
    void lifeguardYmlAppliesItsRulesSeveritiesAndDialect() throws IOException {
        write("db/migration/V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
        Path v2 = write("db/migration/V2__index.sql", "SELECT 1;\n");
        String editor = "CREATE INDEX idx_users_email ON users (email);\n";
        assertEquals(List.of("missing-lock-timeout", "non-concurrent-index"), ruleIds(linter.lint(root, v2, editor)).stream().sorted().toList());

        write("lifeguard.yml", "rules:\n  non-concurrent-index: off\n  missing-lock-timeout: note\n");
        linter.changed(root.resolve("lifeguard.yml")); // as the IDE's file events report it
        List<EditorProblem> configured = linter.lint(root, v2, editor);
        assertEquals(List.of("missing-lock-timeout"), ruleIds(configured));
        assertEquals(Highlight.WEAK_WARNING, configured.get(0).highlight());

        write("lifeguard.yml", "dialect: mysql\n");
        linter.changed(root.resolve("lifeguard.yml")); // as the IDE's file events report it
        String twoTables = "CREATE TABLE a (id bigint PRIMARY KEY);\nCREATE TABLE b (id bigint PRIMARY KEY);\n";
        assertEquals(List.of("non-atomic-migration"), ruleIds(linter.lint(root, v2, twoTables)));
        write("lifeguard.yml", "exclude: [\"db/migration/V2__*\"]\n");
        linter.changed(root.resolve("lifeguard.yml")); // as the IDE's file events report it
        assertEquals(List.of(), linter.lint(root, v2, editor));
    }

    @Test
    void aBrokenLifeguardYmlIsOneProblemInItselfAndTheDefaultsApply() throws IOException {
        write("db/migration/V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
        Path v2 = write("db/migration/V2__index.sql", "SELECT 1;\n");
        String broken = "dialect: mysql\nrulez:\n  non-concurrent-index: off\n";
        Path config = write("lifeguard.yml", broken);
        String editor = "CREATE INDEX idx_users_email ON users (email);\n";
        assertEquals(List.of("missing-lock-timeout", "non-concurrent-index"), ruleIds(linter.lint(root, v2, editor)).stream().sorted().toList());

        List<EditorProblem> problems = linter.lint(root, config, broken);
        assertEquals(1, problems.size(), problems.toString());
        EditorProblem mistake = problems.get(0);
        assertEquals("rulez:", broken.substring(mistake.start(), mistake.end()));
        assertEquals(Highlight.ERROR, mistake.highlight());
        assertEquals("lifeguard.yml:2: unknown key 'rulez' (known: dialect, target-version, migrations, code, exclude,"
                + " start-after, rules, lock-timeout, docs-url, liquibase, deploy)", mistake.description());
        assertEquals(List.of(), linter.lint(root, config, "rules:\n  non-concurrent-index: off\n"));
    }

    @Test
    void theSuppressFixHidesTheFindingWhenTheEditedTextIsLintedAgain() throws IOException {
        write("db/migration/V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
        Path v2 = write("db/migration/V2__index.sql", "SELECT 1;\n");
        String editor = "SET lock_timeout = '2s';\n  CREATE INDEX idx_users_email ON users (email);\n";
        EditorProblem index = linter.lint(root, v2, editor).stream().filter(p -> p.ruleId().equals("non-concurrent-index"))
                .findFirst().orElseThrow();
        String suppressed = index.suppression().applyTo(editor);
        // the suppressor reads what the fix wrote: nothing is left, not even unused-suppression
        assertEquals(List.of(), linter.lint(root, v2, suppressed), suppressed);
    }

    @Test
    void filesThatAreNotMigrationsGetNothing() throws IOException {
        Path logback = write("src/main/resources/logback.xml", "<configuration/>\n");
        Path java = write("src/main/java/App.java", "class App {}\n");
        Path outside = Files.createTempFile("outside", ".sql");
        try {
            assertTrue(linter.lint(root, logback, "<configuration><root/></configuration>\n").isEmpty());
            assertTrue(linter.lint(root, java, "DROP TABLE users;\n").isEmpty());
            assertTrue(linter.lint(root, outside, "DROP TABLE users;\n").isEmpty());
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void theContextClassLoaderIsThePluginsWhileLintingAndRestoredAfter() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader plugin = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            ClassLoader during = FileLinter.withContextLoader(plugin, () -> Thread.currentThread().getContextClassLoader());
            assertSame(plugin, during);
            assertSame(before, Thread.currentThread().getContextClassLoader());
            assertThrows(IllegalStateException.class, () -> FileLinter.withContextLoader(plugin, () -> {
                throw new IllegalStateException("boom");
            }));
            assertSame(before, Thread.currentThread().getContextClassLoader());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

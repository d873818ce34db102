package dev.lifeguard.cli.lsp;

import dev.lifeguard.cli.RepositoryFiles;
import dev.lifeguard.rules.BuiltinRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Linting one open file in its project. The warm re-lint time of the examples is printed, not asserted
 * (timed assertions fail on a busy machine and prove nothing on a fast one).
 */
class ProjectSessionTest {
    @TempDir
    Path root;

    @Test
    void fileOutsideEveryHistoryIsNoMigration() throws Exception {
        LspFixture.write(root);
        ProjectSession session = new ProjectSession(root, BuiltinRules.all());
        assertTrue(session.lint(Path.of(LspFixture.NOT_A_MIGRATION), "a: 1\n").isEmpty());
        assertFalse(session.lint(Path.of(LspFixture.V2), LspFixture.V2_DANGEROUS).orElseThrow().findings().isEmpty());
    }

    @Test
    void migrationSavedAfterTheIndexWasBuiltIsFound() throws Exception {
        LspFixture.write(root);
        ProjectSession session = new ProjectSession(root, BuiltinRules.all());
        session.lint(Path.of(LspFixture.V2), LspFixture.V2_SAFE);
        Thread.sleep(5); // a later modification time than the index
        LspFixture.write(root, "db/migration/V3__drop.sql", "DROP TABLE users;\n");
        var linted = session.lint(Path.of("db/migration/V3__drop.sql"), "DROP TABLE users;\n").orElseThrow();
        assertTrue(linted.findings().stream().anyMatch(f -> f.ruleId().equals("drop-table")), linted.findings().toString());
    }

    @Test
    void warmRelintOfAnExampleFile() throws Exception {
        Path repo = RepositoryFiles.root();
        relint(repo, "examples/flyway-shop/db/migration/V4__rename_customer_name.sql");
        relint(repo, "examples/liquibase-shop/db/changelog/db.changelog-master.xml");
    }

    /** A keystroke's worth of change: a comment at the end, in the file's own syntax. */
    private static String edit(String file, String text, int i) {
        return text + (file.endsWith(".xml") ? "<!-- edit " + i + " -->\n" : "-- edit " + i + "\n");
    }

    private static void relint(Path repo, String file) throws Exception {
        Path examples = repo.resolve("examples");
        ProjectSession session = new ProjectSession(examples, BuiltinRules.all());
        Path relative = examples.relativize(repo.resolve(file));
        String text = Files.readString(repo.resolve(file));
        int findings = session.lint(relative, text).orElseThrow().findings().size();
        assertTrue(findings > 0, file + " is a dangerous example");
        for (int i = 0; i < 30; i++) { // warm-up: JIT, Liquibase's singletons, the index
            int again = session.lint(relative, edit(file, text, i)).orElseThrow().findings().size();
            assertEquals(findings, again, "a comment at the end changes no finding");
        }
        long[] nanos = new long[50];
        for (int i = 0; i < nanos.length; i++) {
            String edited = edit(file, text, i);
            long start = System.nanoTime();
            session.lint(relative, i % 2 == 0 ? edited : text);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("warm re-lint of %s: median %.1f ms, 90th percentile %.1f ms (%d findings)%n", file,
                nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 9 / 10] / 1e6, findings);
    }
}

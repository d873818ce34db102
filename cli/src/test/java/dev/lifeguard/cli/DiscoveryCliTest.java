package dev.lifeguard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lifeguard lint} with no PATH lints what looks like migrations; a PATH named is linted as named. */
class DiscoveryCliTest {
    @TempDir
    Path root;

    private void write(String relative, String text) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private CliRun lint(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "lint";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(root, Map.of(), LintRunner.PROJECT_LOADER, all);
    }

    @Test
    void withNoPathOnlyMigrationsAreLinted() throws IOException {
        Files.createDirectories(root.resolve(".git"));
        write("src/main/resources/db/migration/V1__users.sql", "CREATE TABLE users (id int);\n");
        write("initial_test_db.sql", "DROP TABLE users;\n");
        write("src/test/resources/db/migration/V1__t.sql", "DROP TABLE users;\n");
        CliRun discovered = lint("--format", "json");
        assertEquals(0, discovered.exitCode(), discovered.out() + discovered.err());
        assertFalse(discovered.out().contains("drop-table"), discovered.out());
        CliRun named = lint("--format", "json", ".");
        assertEquals(1, named.exitCode(), "a directory named is linted whole: its own dump is read");
        assertTrue(named.out().contains("initial_test_db.sql"), named.out());
        assertFalse(named.out().contains("src/test"), "test trees below it are still left out\n" + named.out());
        CliRun configured = CliRun.run(root, Map.of(), LintRunner.PROJECT_LOADER, "lint", "--format", "json",
                "src/test/resources/db/migration");
        assertTrue(configured.out().contains("src/test/resources/db/migration/V1__t.sql"), configured.out());
    }

    @Test
    void migrationsInLifeguardYmlAreNamedPaths() throws IOException {
        Files.createDirectories(root.resolve(".git"));
        write("sql/teardown.sql", "DROP TABLE users;\n");
        write("lifeguard.yml", "migrations: [sql]\n");
        CliRun r = lint("--format", "json");
        assertTrue(r.out().contains("drop-table"), r.out() + r.err());
    }
}

package dev.lifeguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** lifeguard.yml through the command line: each key takes effect, and the command line wins. */
class ProjectSettingsTest {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.run(dir, Map.of(), LintRunner.PROJECT_LOADER, args);
    }

    private JsonNode json(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("lint", "--format", "json", "--fail-on", "never"));
        all.addAll(List.of(args));
        CliRun r = run(all.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private static List<String> rules(JsonNode report) {
        List<String> ids = new ArrayList<>();
        report.get("findings").forEach(f -> ids.add(f.get("ruleId").asText() + ":" + f.get("severity").asText()));
        return ids;
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void renameProject() throws IOException {
        write("db/migration/V1__users.sql", "CREATE TABLE users (id int PRIMARY KEY, name text);\n");
        write("db/migration/V2__rename.sql", "SET lock_timeout = '2s';\nALTER TABLE users RENAME COLUMN name TO full_name;\n");
    }

    @Test
    void rulesAreTurnedOffOrGivenASeverity() throws IOException {
        renameProject();
        assertEquals(List.of("rename-column:error"), rules(json("--dialect", "postgresql")));
        write("lifeguard.yml", "rules:\n  rename-column: note\n");
        assertEquals(List.of("rename-column:note"), rules(json("--dialect", "postgresql")));
        assertEquals(0, run("lint", "--dialect", "postgresql").exitCode(), "a note never fails the run");
        write("lifeguard.yml", "rules:\n  rename-column: {enabled: false}\n");
        assertEquals(List.of(), rules(json("--dialect", "postgresql")));
    }

    @Test
    void theDialectComesFromTheFileUnlessTheCommandLineSaysOtherwise() throws IOException {
        renameProject();
        write("lifeguard.yml", "dialect: mysql\n");
        assertEquals("mysql", json().get("dialect").get("name").asText());
        assertEquals("given", json().get("dialect").get("source").asText());
        assertEquals("mariadb", json("--dialect", "mariadb").get("dialect").get("name").asText());
    }

    @Test
    void anAssumedDialectIsSaidOnceOnStandardError() throws IOException {
        renameProject();
        CliRun r = run("lint", "--fail-on", "never");
        assertEquals(List.of("lifeguard: dialect: postgresql (not detected: assumed; set --dialect or dialect: in"
                + " lifeguard.yml)"), r.errLines());
        assertEquals("", run("lint", "--dialect", "postgresql", "--fail-on", "never").err());
    }

    @Test
    void migrationsAreLintedWhenNoPathIsGivenAndPathsWin() throws IOException {
        renameProject();
        write("other/V1__t.sql", "CREATE TABLE t (id int PRIMARY KEY, a text);\n");
        write("other/V2__drop.sql", "SET lock_timeout = '2s';\nALTER TABLE t DROP COLUMN a;\n");
        write("conf/lifeguard.yml", "dialect: postgresql\nmigrations: [../other]\nrules:\n  missing-reverse: off\n");
        assertEquals(List.of("drop-column:warning"), rules(json("--config", "conf/lifeguard.yml")));
        assertEquals(List.of("rename-column:error"), rules(json("--config", "conf/lifeguard.yml", "db")));
    }

    @Test
    void excludeGlobsAreRelativeToTheFile() throws IOException {
        renameProject();
        write("lifeguard.yml", "dialect: postgresql\nexclude: [\"db/migration/V2__*\"]\n");
        assertEquals(List.of(), rules(json()));
    }

    @Test
    void startAfterLeavesDeployedMigrationsUnreported() throws IOException {
        renameProject();
        write("db/migration/V3__rename.sql", "SET lock_timeout = '2s';\nALTER TABLE users RENAME COLUMN full_name TO n;\n");
        write("lifeguard.yml", "dialect: postgresql\nstart-after: \"2\"\n");
        JsonNode report = json();
        assertEquals(List.of("rename-column:error"), rules(report));
        assertEquals("db/migration/V3__rename.sql", report.get("findings").get(0).get("location").get("path").asText());
    }

    @Test
    void targetVersionFromTheFileOrTheCommandLine() throws IOException {
        write("db/migration/V1__t.sql", "CREATE TABLE t (id int PRIMARY KEY);\n");
        write("db/migration/V2__c.sql", "SET lock_timeout = '2s';\nALTER TABLE t ADD COLUMN c int DEFAULT 0;\n");
        assertEquals(List.of(), rules(json("--dialect", "postgresql")));
        assertEquals(List.of("table-rewrite:warning"), rules(json("--dialect", "postgresql", "--target-version", "10")));
        write("lifeguard.yml", "dialect: postgresql\ntarget-version: postgresql:10\n");
        assertEquals(List.of("table-rewrite:warning"), rules(json()));
        assertEquals(List.of(), rules(json("--target-version", "postgresql:11")));
    }

    @Test
    void mistakesExitWithTwoAndOneLine() throws IOException {
        renameProject();
        write("lifeguard.yml", "dialect: postgresql\nrulez:\n  rename-column: off\n");
        CliRun r = run("lint");
        assertEquals(2, r.exitCode());
        assertEquals("lifeguard: lifeguard.yml:2: unknown key 'rulez' (known: dialect, target-version, migrations,"
                + " code, exclude, start-after, rules, lock-timeout, docs-url, liquibase, deploy) (see 'lifeguard.yml' in the README)",
                r.errLines().get(0));
        Files.delete(dir.resolve("lifeguard.yml"));
        CliRun bad = run("lint", "--target-version", "newest");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().startsWith("lifeguard: --target-version: not a version: 'newest'"), bad.err());
        assertEquals(2, run("lint", "--config", "missing.yml").exitCode());
    }
}

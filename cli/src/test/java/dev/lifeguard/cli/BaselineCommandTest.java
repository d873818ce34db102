package dev.lifeguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** lifeguard baseline writes the findings; lint --baseline reports only the ones that are new since. */
class BaselineCommandTest {
    private static final String V1 = "db/migration/V1__users.sql";
    private static final String V2 = "db/migration/V2__changes.sql";
    private static final String V2_TEXT = "SET lock_timeout = '1s';\nALTER TABLE users RENAME COLUMN name TO full_name;\n";

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.run(dir, Map.of(), LintRunner.PROJECT_LOADER, args);
    }

    private void project(String v2) throws Exception {
        Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(dir.resolve(V1), "CREATE TABLE users (id bigint PRIMARY KEY, name text, fax text);\n");
        Files.writeString(dir.resolve(V2), v2);
    }

    @Test
    void onlyFindingsNewSinceTheBaselineAreReported() throws Exception {
        project(V2_TEXT);
        CliRun written = run("baseline", "--dialect", "postgresql", "db");
        assertEquals(0, written.exitCode(), written.err());
        assertEquals(List.of("lifeguard: wrote 1 finding to lifeguard-baseline.json"), written.errLines());
        JsonNode file = new ObjectMapper().readTree(dir.resolve("lifeguard-baseline.json").toFile());
        assertEquals(1, file.path("lifeguardBaseline").asInt());
        assertEquals("rename-column", file.at("/findings/0/ruleId").asText());
        assertEquals(V2, file.at("/findings/0/path").asText());
        assertEquals(32, file.at("/findings/0/fingerprint").asText().length());

        CliRun clean = run("lint", "--baseline", "lifeguard-baseline.json", "db");
        assertEquals(0, clean.exitCode(), clean.out());
        assertTrue(clean.out().contains("No problems found in 2 files; 2 migrations checked, 1 in baseline"), clean.out());

        Files.writeString(dir.resolve(V2), V2_TEXT + "ALTER TABLE users DROP COLUMN fax;\n");
        CliRun fresh = run("lint", "--baseline", "lifeguard-baseline.json", "--format", "json", "db");
        assertEquals(1, fresh.exitCode());
        JsonNode report = new ObjectMapper().readTree(fresh.out());
        assertEquals(List.of("drop-column"), report.path("findings").findValuesAsText("ruleId"));
        assertEquals(1, report.at("/summary/baselined").asInt());
    }

    @Test
    void aFindingStaysInTheBaselineWhenLinesAreAddedAboveIt() throws Exception {
        project(V2_TEXT);
        assertEquals(0, run("baseline", "-o", "base.json", "db").exitCode());
        Files.writeString(dir.resolve(V2), "-- renamed for the new profile page\n\n" + V2_TEXT);
        CliRun shifted = run("lint", "--baseline", "base.json", "db");
        assertEquals(0, shifted.exitCode(), shifted.out());
        assertTrue(shifted.out().contains("1 in baseline"), shifted.out());
    }

    @Test
    void suppressedFindingsAreNotWrittenToTheBaseline() throws Exception {
        project("SET lock_timeout = '1s';\n-- lifeguard:ignore rename-column nothing reads it\n"
                + "ALTER TABLE users RENAME COLUMN name TO full_name;\n");
        CliRun written = run("baseline", "--dialect", "postgresql", "db");
        assertEquals(List.of("lifeguard: wrote 0 findings to lifeguard-baseline.json"), written.errLines());
    }

    @Test
    void aMissingOrMalformedBaselineIsAUsageError() throws Exception {
        project(V2_TEXT);
        CliRun missing = run("lint", "--baseline", "nope.json", "db");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.errLines().get(0).startsWith("lifeguard: baseline not found: "), missing.err());
        assertTrue(missing.out().isEmpty());

        Files.writeString(dir.resolve("bad.json"), "{\"findings\": [");
        CliRun malformed = run("lint", "--baseline", "bad.json", "db");
        assertEquals(2, malformed.exitCode());
        assertTrue(malformed.errLines().get(0).contains("is not valid JSON"), malformed.err());

        Files.writeString(dir.resolve("other.json"), "{\"runs\": []}");
        CliRun other = run("lint", "--baseline", "other.json", "db");
        assertEquals(2, other.exitCode());
        assertTrue(other.errLines().get(0).contains("not a Lifeguard baseline"), other.err());
        assertTrue(other.err().lines().noneMatch(l -> l.contains("Exception")), other.err());
    }
}

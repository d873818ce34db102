package dev.lifeguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.lifeguard.cli.report.SarifMultitool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lifeguard verify} end to end: a real embedded PostgreSQL, the same reporters as lint. */
class VerifyCommandTest {
    @TempDir
    Path dir;

    private void project() throws Exception {
        Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(dir.resolve("db/migration/V1__base.sql"), """
                CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);
                """);
        Files.writeString(dir.resolve("db/migration/V2__status.sql"), """
                -- the hazard verify proves: customers has rows in production
                ALTER TABLE customers ADD COLUMN status text NOT NULL;
                """);
    }

    private CliRun verify(String... args) {
        List<String> all = new ArrayList<>(List.of("verify", "--dialect", "postgresql", "--rows", "50"));
        all.addAll(List.of(args));
        return CliRun.run(dir, Map.of(), LintRunner.PROJECT_LOADER, all.toArray(String[]::new));
    }

    @Test
    void textReportHasTheFindingAndTheRehearsalTable() throws Exception {
        project();
        CliRun r = verify("db");
        assertEquals(1, r.exitCode(), r.err() + r.out());
        assertTrue(r.out().contains("db/migration/V2__status.sql:2:1: error[fails-on-existing-data]"), r.out());
        assertTrue(r.out().contains("Rehearsal on embedded PostgreSQL 15."), r.out());
        assertTrue(r.out().matches("(?s).*V2__status\\.sql\\s+failed.*"), r.out());
    }

    @Test
    void jsonReportMatchesTheSchemaAndCarriesTheRehearsal() throws Exception {
        project();
        CliRun r = verify("--format", "json", "db");
        assertEquals(1, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        try (InputStream in = Files.newInputStream(RepositoryFiles.root().resolve("docs/lifeguard-report.schema.json"))) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
            assertEquals(Set.of(), schema.validate(json), r.out());
        }
        assertEquals("fails-on-existing-data", json.get("findings").get(0).get("ruleId").asText());
        JsonNode rows = json.get("rehearsal").get("migrations");
        assertEquals("V1__base.sql", rows.get(0).get("file").asText());
        assertEquals("ok", rows.get(0).get("applied").asText());
        assertTrue(rows.get(1).get("applied").asText().startsWith("failed"), rows.toString());
    }

    @Test
    void sarifReportIsValidAndNamesVerifysRule() throws Exception {
        project();
        Path sarif = dir.resolve("out.sarif");
        CliRun r = verify("--format", "sarif", "--output", sarif.toString(), "db");
        assertEquals(1, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(Files.readString(sarif, StandardCharsets.UTF_8));
        JsonNode run = json.get("runs").get(0);
        assertEquals("fails-on-existing-data", run.get("results").get(0).get("ruleId").asText());
        int index = run.get("results").get(0).get("ruleIndex").asInt();
        assertEquals("fails-on-existing-data", run.get("tool").get("driver").get("rules").get(index).get("id").asText());
        SarifMultitool multitool = SarifMultitool.require();
        assertEquals(List.of(), multitool.validate(sarif));
    }

    @Test
    void aBadDatabaseUrlIsOneLineAndExitTwo() throws Exception {
        project();
        CliRun r = verify("--database-url", "jdbc:mysql://localhost/x", "db");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--database-url must be a PostgreSQL JDBC URL"), r.err());
        assertTrue(r.err().lines().noneMatch(l -> l.startsWith("\tat ")), r.err());
    }

    @Test
    void explainKnowsVerifysFindings() {
        CliRun r = CliRun.run(dir, Map.of(), LintRunner.PROJECT_LOADER, "explain", "blocks-writes");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("# blocks-writes"), r.out());
        assertTrue(r.out().contains("## Safe alternative"), r.out());
        CliRun rules = CliRun.run(dir, Map.of(), LintRunner.PROJECT_LOADER, "rules");
        assertTrue(rules.out().contains("Found by 'lifeguard verify'") && rules.out().contains("reverse-incomplete"), rules.out());
    }

    @Test
    void aSuppressionOfAVerifyFindingIsNotUnknownToLint() throws Exception {
        Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(dir.resolve("db/migration/V1__base.sql"), """
                CREATE TABLE t (id bigint PRIMARY KEY);
                -- lifeguard:ignore blocks-writes the table is tiny in production
                CREATE INDEX t_id ON t (id);
                """);
        CliRun r = CliRun.run(dir, Map.of(), LintRunner.PROJECT_LOADER, "lint", "--dialect", "postgresql", "db");
        assertTrue(!r.out().contains("unknown rule"), r.out());
        assertTrue(!r.out().contains("unused-suppression"), r.out());
    }
}

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
        CliRun r = verify("--database-url", "jdbc:oracle:thin:@localhost:1521/x", "db");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--database-url must be a PostgreSQL JDBC URL"), r.err());
        assertTrue(r.err().lines().noneMatch(l -> l.startsWith("\tat ")), r.err());
        CliRun mysql = verify("--database-url", "jdbc:mysql://localhost/x", "db");
        assertEquals(2, mysql.exitCode(), mysql.err());
        assertEquals("lifeguard: --database-url is a MariaDB/MySQL server, and the migrations are postgresql", mysql.err().strip());
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

    private void mariadbProject() throws Exception {
        Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(dir.resolve("db/migration/V1__base.sql"), """
                CREATE TABLE customers (id BIGINT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(100) NOT NULL) ENGINE=InnoDB;
                """);
        Files.writeString(dir.resolve("db/migration/V2__copy.sql"), """
                -- a copy: writes to customers wait until it ends
                ALTER TABLE customers ADD COLUMN note VARCHAR(20), ALGORITHM=COPY;
                """);
    }

    private static boolean mariadbInstalled() {
        boolean installed = dev.lifeguard.verify.mariadb.MariaDbServer.binary().isPresent();
        String ci = System.getenv("CI");
        if (!installed && ci != null && !ci.isEmpty() && !ci.equals("false")) {
            org.junit.jupiter.api.Assertions.fail("mariadbd is not installed: .ci/run installs Debian's mariadb-server");
        }
        return installed;
    }

    @Test
    void mariadbHistoryIsRehearsedOnMariaDbWithItsOwnSarifCategory() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(mariadbInstalled(), "mariadbd is not installed (apt-get install mariadb-server)");
        mariadbProject();
        CliRun text = CliRun.run(dir, Map.of(), LintRunner.PROJECT_LOADER, "verify", "--dialect", "mariadb", "--rows", "50", "db");
        assertEquals(1, text.exitCode(), text.err() + text.out());
        assertTrue(text.out().contains("db/migration/V2__copy.sql:2:1: warning[rewrites-table]")
                && text.out().contains("metadata lock SHARED_NO_WRITE"), text.out());
        assertTrue(text.out().contains("Rehearsal on MariaDB "), text.out());
        Path sarif = dir.resolve("out.sarif");
        CliRun r = CliRun.run(dir, Map.of(), LintRunner.PROJECT_LOADER, "verify", "--dialect", "mariadb", "--rows", "50",
                "--format", "sarif", "--output", sarif.toString(), "db");
        assertEquals(1, r.exitCode(), r.err());
        JsonNode run = new ObjectMapper().readTree(Files.readString(sarif, StandardCharsets.UTF_8)).get("runs").get(0);
        assertEquals("lifeguard-verify/mariadb", run.get("automationDetails").get("id").asText().replaceAll("/$", ""), run.toString());
        CliRun json = CliRun.run(dir, Map.of(), LintRunner.PROJECT_LOADER, "verify", "--dialect", "mariadb", "--rows", "50",
                "--format", "json", "db");
        JsonNode report = new ObjectMapper().readTree(json.out());
        try (InputStream in = Files.newInputStream(RepositoryFiles.root().resolve("docs/lifeguard-report.schema.json"))) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
            assertEquals(Set.of(), schema.validate(report), json.out());
        }
        assertEquals("metadata lock SHARED_NO_WRITE customers",
                report.get("rehearsal").get("migrations").get(1).get("locks").get(0).asText(), json.out());
    }

    @Test
    void withoutMariaDbItSaysInOneLineWhatItNeeds() throws Exception {
        mariadbProject();
        String before = System.getProperty(dev.lifeguard.verify.mariadb.MariaDbServer.BINARY_PROPERTY);
        System.setProperty(dev.lifeguard.verify.mariadb.MariaDbServer.BINARY_PROPERTY, "");
        try {
            CliRun r = CliRun.run(dir, Map.of(), LintRunner.PROJECT_LOADER, "verify", "--dialect", "mariadb", "db");
            assertEquals(2, r.exitCode(), r.err() + r.out());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("these are mariadb migrations, and no MariaDB server on this machine: install Debian's"
                    + " mariadb-server (apt-get install mariadb-server"), r.err());
        } finally {
            if (before == null) {
                System.clearProperty(dev.lifeguard.verify.mariadb.MariaDbServer.BINARY_PROPERTY);
            } else {
                System.setProperty(dev.lifeguard.verify.mariadb.MariaDbServer.BINARY_PROPERTY, before);
            }
        }
    }
}

package dev.lifeguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --since} and {@code --staged} against real git repositories: a base commit on main, a feature
 * branch with the change, staged edits. Each git-aware check has a case that fires and one that must not.
 */
class GitLintTest {
    private static final String V1 = "db/migration/V1__users.sql";
    private static final String V1_TEXT = "CREATE TABLE users (id bigint PRIMARY KEY, name text);\n";
    private static final String V2 = "db/migration/V2__email.sql";
    private static final String V2_TEXT = "ALTER TABLE users ADD COLUMN email text;\n";
    /** Hazardous on an existing table: must be reported when new, and only then. */
    private static final String INDEX_ON_USERS = "CREATE INDEX users_name ON users (name);\n";

    private static final String USER_WITH_FAX = """
            package app;
            import jakarta.persistence.*;
            @Entity
            @Table(name = "users")
            class User {
                @Id Long id;
                String fax;
            }
            """;

    @TempDir
    Path dir;
    GitRepo repo;

    @BeforeEach
    void baseOnMain() throws IOException {
        repo = GitRepo.init(dir).write(V1, V1_TEXT).write(V2, V2_TEXT)
                .write("src/main/java/app/User.java", "class User { String name; }\n").commitAll("base");
    }

    @Test
    void sinceLintsOnlyMigrationsChangedSinceTheMergeBase() throws IOException {
        repo.write("db/migration/V3__old_hazard.sql", INDEX_ON_USERS).commitAll("old hazard on main");
        repo.branch("feature").write("db/migration/V4__new_hazard.sql", "ALTER TABLE users RENAME COLUMN name TO full_name;\n")
                .commitAll("feature");
        List<String> found = findings(repo.lint("--since", "main"));
        assertTrue(found.contains("rename-column db/migration/V4__new_hazard.sql:1"), found.toString());
        assertTrue(found.stream().noneMatch(f -> f.contains("V3__old_hazard")), "unchanged migrations are context only: " + found);
        // without --since every migration is linted
        assertTrue(findings(repo.lint()).stream().anyMatch(f -> f.contains("V3__old_hazard")));
    }

    @Test
    void tablesCreatedSinceTheBaseCountAsNew() throws IOException {
        repo.branch("feature").write("db/migration/V3__orders.sql", "CREATE TABLE orders (id bigint, user_id bigint);\n")
                .write("db/migration/V4__orders_index.sql", "CREATE INDEX orders_user ON orders (user_id);\n")
                .write("db/migration/V5__users_index.sql", INDEX_ON_USERS).commitAll("feature");
        List<String> found = findings(repo.lint("--since", "main"));
        assertTrue(found.stream().noneMatch(f -> f.contains("V4__orders_index")), "orders is new since main: " + found);
        assertTrue(found.contains("non-concurrent-index db/migration/V5__users_index.sql:1"), found.toString());
    }

    @Test
    void untrackedMigrationsAreNewToo() throws IOException {
        repo.branch("feature").write("db/migration/V3__users_index.sql", INDEX_ON_USERS);
        assertTrue(findings(repo.lint("--since", "main")).contains("non-concurrent-index db/migration/V3__users_index.sql:1"));
    }

    @Test
    void editingAnAppliedMigrationIsAnError() throws IOException {
        repo.branch("feature").write(V2, "ALTER TABLE users ADD COLUMN email varchar(200);\n").commitAll("edit");
        CliRun run = repo.lint("--since", "main");
        JsonNode f = only(run, "edited-applied-migration");
        assertEquals("db/migration/V2__email.sql", f.at("/location/path").asText());
        assertTrue(f.get("message").asText().contains("existed at main and was modified:"), f.toString());
        assertEquals("error", f.get("severity").asText());
        assertEquals(1, run.exitCode());
    }

    @Test
    void whitespaceAndCommentOnlyEditsSaySo() throws IOException {
        repo.branch("feature").write(V1, V1_TEXT.replace(" (", "  (") + "\n")
                .write(V2, "-- adds the e-mail address\n" + V2_TEXT).commitAll("reformat");
        List<JsonNode> edits = all(repo.lint("--since", "main"), "edited-applied-migration");
        assertEquals(2, edits.size(), edits.toString());
        assertTrue(edits.get(0).get("message").asText().contains("(whitespace only)"), edits.toString());
        assertTrue(edits.get(1).get("message").asText().contains("(comments and whitespace only)"), edits.toString());
    }

    @Test
    void addingMigrationsOrEditingRepeatablesIsNotAnEdit() throws IOException {
        repo.write("db/migration/R__views.sql", "CREATE OR REPLACE VIEW v AS SELECT id FROM users;\n").commitAll("view");
        repo.branch("feature").write("db/migration/R__views.sql", "CREATE OR REPLACE VIEW v AS SELECT id, name FROM users;\n")
                .write("db/migration/V3__phone.sql", "ALTER TABLE users ADD COLUMN phone text;\n").commitAll("feature");
        assertEquals(List.of(), all(repo.lint("--since", "main"), "edited-applied-migration"));
    }

    @Test
    void aLiquibaseChangeSetWhoseBodyChangedIsReportedOnThatChangeSet() throws IOException {
        String master = "db/changelog/db.changelog-master.xml";
        repo.write(master, changelog(
                changeSet("1", "<createTable tableName=\"accounts\"><column name=\"id\" type=\"bigint\"/></createTable>", false),
                changeSet("2", "<sql>CREATE VIEW account_ids AS SELECT id FROM accounts</sql>", true))).commitAll("liquibase");
        repo.branch("feature").write(master, changelog(
                changeSet("1", "<createTable tableName=\"accounts\"><column name=\"id\" type=\"int\"/></createTable>", false),
                changeSet("2", "<sql>CREATE VIEW account_ids AS SELECT id, 1 AS one FROM accounts</sql>", true),
                changeSet("3", "<addColumn tableName=\"accounts\"><column name=\"note\" type=\"text\"/></addColumn>", false)))
                .commitAll("edit changeSet 1, runOnChange 2, add 3");
        List<JsonNode> edits = all(repo.lint("--since", "main"), "edited-applied-migration");
        assertEquals(1, edits.size(), "changeSet 2 runs on change, 3 is new: " + edits);
        assertTrue(edits.get(0).get("message").asText().startsWith("changeSet 1::dev existed at main and its body changed"));
        assertEquals(4, edits.get(0).at("/location/startLine").asInt(), "on changeSet 1's own line");
    }

    @Test
    void aNewMigrationBelowTheNewestVersionAtTheBaseIsOutOfOrder() throws IOException {
        repo.branch("feature").write("db/migration/V1_5__phone.sql", "ALTER TABLE users ADD COLUMN phone text;\n")
                .commitAll("out of order");
        JsonNode f = only(repo.lint("--since", "main"), "duplicate-version");
        assertTrue(f.get("message").asText().contains("version 1.5 is out of order"), f.toString());
        assertEquals("db/migration/V1_5__phone.sql", f.at("/location/path").asText());
    }

    @Test
    void outOfOrderSetInTheSpringConfigurationLetsFlywayApplyALowerVersion() throws IOException {
        repo.write("src/main/resources/application.properties", "spring.flyway.out-of-order=true\n").commitAll("config");
        repo.branch("feature").write("db/migration/V1_5__phone.sql", "ALTER TABLE users ADD COLUMN phone text;\n")
                .commitAll("out of order, as configured");
        assertEquals(List.of(), all(repo.lint("--since", "main"), "duplicate-version"));
    }

    @Test
    void aNewMigrationAboveTheNewestVersionIsInOrder() throws IOException {
        repo.branch("feature").write("db/migration/V3__phone.sql", "ALTER TABLE users ADD COLUMN phone text;\n")
                .commitAll("in order");
        assertEquals(List.of(), all(repo.lint("--since", "main"), "duplicate-version"));
    }

    @Test
    void aVersionTakenAtTheBaseByAnotherFileIsADuplicate() throws IOException {
        repo.branch("feature").delete(V2).write("db/migration/V2__phone.sql", "ALTER TABLE users ADD COLUMN phone int;\n")
                .commitAll("replace V2");
        List<JsonNode> dup = all(repo.lint("--since", "main"), "duplicate-version");
        assertEquals(1, dup.size(), dup.toString());
        assertTrue(dup.get(0).get("message").asText().contains("version 2 was already taken at main by db/migration/V2__email.sql"));
    }

    @Test
    void codeAndSchemaInOneChangeIsAWarningOnTheFirstMigration() throws IOException {
        repo.branch("feature").write("db/migration/V3__phone.sql", "ALTER TABLE users ADD COLUMN phone text;\n")
                .write("src/main/java/app/User.java", "class User { String name; String phone; }\n")
                .write("src/test/java/app/UserTest.java", "class UserTest {}\n")
                .write("README.md", "phones\n").commitAll("feature");
        JsonNode f = only(repo.lint("--since", "main"), "code-and-schema-in-one-change");
        assertEquals("db/migration/V3__phone.sql", f.at("/location/path").asText());
        assertTrue(f.get("message").asText().contains("src/main/java/app/User.java"), f.toString());
        assertTrue(!f.get("message").asText().contains("UserTest") && !f.get("message").asText().contains("README"));
        assertEquals("src/main/java/app/User.java", f.at("/related/0/location/path").asText());
        assertTrue(f.get("message").asText().contains("src/main/java/app/User.java:1 names users.phone, which"
                + " V3__phone.sql adds"), f.toString());
    }

    @Test
    void codeAndSchemaInOneChangePointsAtTheChangedCodeLines() throws IOException {
        repo.write("src/main/java/app/Order.java", "package app;\n\nclass Order {\n    long id;\n}\n").commitAll("order");
        repo.branch("feature").write("db/migration/V3__phone.sql", "ALTER TABLE users ADD COLUMN phone_number text;\n")
                .write("src/main/java/app/Order.java", "package app;\n\nclass Order {\n    long id;\n    String note;\n}\n")
                .write("src/main/java/app/User.java", "class User {\n  String name;\n  String phoneNumber;\n}\n")
                .commitAll("feature");
        JsonNode f = only(repo.lint("--since", "main"), "code-and-schema-in-one-change");
        assertTrue(f.get("message").asText().contains("src/main/java/app/User.java:3 names users.phone_number"), f.toString());
        List<String> related = new ArrayList<>();
        f.get("related").forEach(r -> related.add(r.at("/location/path").asText() + ":" + r.at("/location/startLine").asInt()));
        assertEquals(List.of("src/main/java/app/Order.java:5", "src/main/java/app/User.java:3"), related,
                "the lines the change touched, not the top of each file");
    }

    @Test
    void schemaWithTestsAndDocsOnlyIsOneConcern() throws IOException {
        repo.branch("feature").write("db/migration/V3__phone.sql", "ALTER TABLE users ADD COLUMN phone text;\n")
                .write("src/test/java/app/UserTest.java", "class UserTest {}\n")
                .write("docs/schema.md", "phones\n").write("pom.xml", "<project/>\n").commitAll("feature");
        assertEquals(List.of(), all(repo.lint("--since", "main"), "code-and-schema-in-one-change"));
    }

    @Test
    void stagedLintsTheIndexNotTheWorkingTree() throws IOException {
        repo.write("db/migration/V3__index.sql", INDEX_ON_USERS);
        repo.git("add", "db/migration/V3__index.sql");
        // the working tree now holds a harmless version that is not staged
        repo.write("db/migration/V3__index.sql", "SELECT 1;\n")
                .write("db/migration/V4__unstaged.sql", "ALTER TABLE users RENAME COLUMN name TO full_name;\n");
        List<String> found = findings(repo.lint("--staged"));
        assertTrue(found.contains("non-concurrent-index db/migration/V3__index.sql:1"), found.toString());
        assertTrue(found.stream().noneMatch(f -> f.contains("V4__unstaged")), "only staged files are linted: " + found);
    }

    @Test
    void stagedWithNothingRiskyStagedIsClean() throws IOException {
        repo.write("db/migration/V3__phones.sql", "CREATE TABLE phones (id bigint PRIMARY KEY);\n");
        repo.git("add", "-A");
        repo.write("db/migration/V3__phones.sql", INDEX_ON_USERS);
        CliRun run = repo.lint("--staged");
        assertEquals(List.of(), findings(run));
        assertEquals(0, run.exitCode());
    }

    @Test
    void stagedCodeAndSchemaAndEditsAreReported() throws IOException {
        repo.write(V2, "ALTER TABLE users ADD COLUMN email varchar(100);\n")
                .write("src/main/java/app/User.java", "class User { String email; }\n");
        repo.git("add", "-A");
        List<String> found = findings(repo.lint("--staged"));
        assertTrue(found.contains("edited-applied-migration db/migration/V2__email.sql:1"), found.toString());
        assertTrue(found.contains("code-and-schema-in-one-change db/migration/V2__email.sql:1"), found.toString());
    }

    @Test
    void aReferenceOnlyInAFileTheStagedChangeDeletesIsTheRunningVersions() throws IOException {
        repo.write("src/main/java/app/Legacy.java", """
                import jakarta.persistence.*;
                @Entity @Table(name = "users")
                class Legacy { @Id Long id; @Column(name = "name") String name; }
                """).commitAll("legacy entity");
        String head = repo.git("rev-parse", "--short", "HEAD").strip();
        repo.write("db/migration/V3__drop_name.sql", "ALTER TABLE users DROP COLUMN name;\n");
        repo.git("add", "db/migration/V3__drop_name.sql");
        assertTrue(findings(repo.lint("--staged", "--code", "src/main/java"))
                .contains("referenced-by-code db/migration/V3__drop_name.sql:1"), "the entity still maps the column");
        // the entity's deletion is staged but the file is still on disk: the version in production (HEAD) still
        // maps the column while the migration commits
        repo.git("rm", "--cached", "-q", "src/main/java/app/Legacy.java");
        JsonNode f = only(repo.lint("--staged", "--code", "src/main/java"), "referenced-by-code");
        assertEquals("error", f.get("severity").asText());
        assertTrue(f.get("message").asText().contains("the version running in production (at " + head
                + ") maps users.name: src/main/java/app/Legacy.java:3"), f.toString());
    }

    @Test
    void anEntityMappingRemovedWithTheDropIsTheRunningVersionsUse() throws IOException {
        repo.write("src/main/java/app/User.java", USER_WITH_FAX).write("db/migration/V3__fax.sql",
                "ALTER TABLE users ADD COLUMN fax text;\n").commitAll("fax");
        String main = repo.git("rev-parse", "--short", "main").strip();
        repo.branch("feature").write("src/main/java/app/User.java", USER_WITH_FAX.replace("    String fax;\n", ""))
                .write("db/migration/V4__drop_fax.sql", "ALTER TABLE users DROP COLUMN fax;\n").commitAll("drop fax");
        JsonNode f = only(repo.lint("--since", "main"), "referenced-by-code");
        assertEquals("db/migration/V4__drop_fax.sql", f.at("/location/path").asText());
        assertTrue(f.get("message").asText().contains("the version running in production (at " + main
                + ") maps users.fax: src/main/java/app/User.java:7 (JPA mapping)"), f.toString());
        assertEquals("src/main/java/app/User.java", f.at("/related/0/location/path").asText());
        assertEquals(7, f.at("/related/0/location/startLine").asInt());
        // the working tree no longer maps fax: without a reviewed change nothing uses it
        assertEquals(List.of(), all(repo.lint(), "referenced-by-code"));
    }

    @Test
    void aDropWhoseLastUseWasRemovedInAnEarlierMergedChangeIsNotReferenced() throws IOException {
        repo.write("src/main/java/app/User.java", USER_WITH_FAX).write("db/migration/V3__fax.sql",
                "ALTER TABLE users ADD COLUMN fax text;\n").commitAll("fax");
        repo.write("src/main/java/app/User.java", USER_WITH_FAX.replace("    String fax;\n", "")).commitAll("stop using fax");
        repo.branch("feature").write("db/migration/V4__drop_fax.sql", "ALTER TABLE users DROP COLUMN fax;\n")
                .commitAll("drop fax");
        List<String> found = findings(repo.lint("--since", "main"));
        assertTrue(found.contains("drop-column db/migration/V4__drop_fax.sql:1"), found.toString());
        assertTrue(found.stream().noneMatch(x -> x.startsWith("referenced-by-code")), found.toString());
    }

    @Test
    void stagedADropWhoseLastUseWasRemovedInAnEarlierCommitIsNotReferenced() throws IOException {
        repo.write("src/main/java/app/User.java", USER_WITH_FAX).write("db/migration/V3__fax.sql",
                "ALTER TABLE users ADD COLUMN fax text;\n").commitAll("fax");
        repo.write("src/main/java/app/User.java", USER_WITH_FAX.replace("    String fax;\n", "")).commitAll("stop using fax");
        repo.write("db/migration/V4__drop_fax.sql", "ALTER TABLE users DROP COLUMN fax;\n");
        repo.git("add", "-A");
        // the working tree maps fax again, unstaged: the staged version does not, and neither does HEAD
        repo.write("src/main/java/app/User.java", USER_WITH_FAX);
        List<String> found = findings(repo.lint("--staged"));
        assertTrue(found.contains("drop-column db/migration/V4__drop_fax.sql:1"), found.toString());
        assertTrue(found.stream().noneMatch(x -> x.startsWith("referenced-by-code")), found.toString());
    }

    @Test
    void stagedAnEntityMappingRemovedWithTheDropIsTheRunningVersionsUse() throws IOException {
        repo.write("src/main/java/app/User.java", USER_WITH_FAX).write("db/migration/V3__fax.sql",
                "ALTER TABLE users ADD COLUMN fax text;\n").commitAll("fax");
        repo.write("src/main/java/app/User.java", USER_WITH_FAX.replace("    String fax;\n", ""))
                .write("db/migration/V4__drop_fax.sql", "ALTER TABLE users DROP COLUMN fax;\n");
        repo.git("add", "-A");
        JsonNode f = only(repo.lint("--staged"), "referenced-by-code");
        assertTrue(f.get("message").asText().contains("the version running in production (at "
                + repo.git("rev-parse", "--short", "HEAD").strip() + ") maps users.fax: src/main/java/app/User.java:7"),
                f.toString());
    }

    @Test
    void theVersionBeingDeployedStillUsingADroppedColumnIsReported() throws IOException {
        repo.write("db/migration/V3__fax.sql", "ALTER TABLE users ADD COLUMN fax text;\n").commitAll("fax");
        repo.branch("feature").write("src/main/java/app/User.java", USER_WITH_FAX)
                .write("db/migration/V4__drop_fax.sql", "ALTER TABLE users DROP COLUMN fax;\n").commitAll("map and drop");
        JsonNode f = only(repo.lint("--since", "main"), "referenced-by-code");
        assertTrue(f.get("message").asText().contains("the version being deployed still maps users.fax:"
                + " src/main/java/app/User.java:7"), f.toString());
    }

    @Test
    void outsideARepositoryItSaysSoInOneLine(@TempDir Path plain) throws IOException {
        java.nio.file.Files.writeString(plain.resolve("V1__x.sql"), "SELECT 1;\n");
        CliRun run = CliRun.run(plain, java.util.Map.of(), LintRunner.PROJECT_LOADER, "lint", "--since", "main");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("lifeguard: not a git repository: "), run.err());
    }

    @Test
    void anUnknownRevisionSaysSoInOneLine() {
        CliRun run = repo.lint("--since", "no-such-branch");
        assertEquals(2, run.exitCode());
        assertEquals(List.of("lifeguard: unknown git revision: no-such-branch (--since needs a branch, tag or commit"
                + " that exists in this repository)"), run.errLines());
        assertEquals("", run.out());
    }

    @Test
    void sinceAndStagedTogetherIsAUsageError() {
        CliRun run = repo.lint("--since", "main", "--staged");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--since and --staged cannot be combined"), run.err());
    }

    private static String changelog(String... changeSets) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
                + String.join("", changeSets) + "</databaseChangeLog>\n";
    }

    private static String changeSet(String id, String body, boolean runOnChange) {
        return "\n  <changeSet id=\"" + id + "\" author=\"dev\"" + (runOnChange ? " runOnChange=\"true\"" : "") + ">\n    "
                + body + "\n    <rollback/>\n  </changeSet>\n";
    }

    private static List<JsonNode> all(CliRun run, String ruleId) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(run.out()).get("findings")) {
            if (f.get("ruleId").asText().equals(ruleId)) {
                found.add(f);
            }
        }
        return found;
    }

    private static JsonNode only(CliRun run, String ruleId) throws IOException {
        List<JsonNode> found = all(run, ruleId);
        assertEquals(1, found.size(), run.out() + run.err());
        return found.get(0);
    }

    /** "rule-id path:line" for every finding. */
    private static List<String> findings(CliRun run) throws IOException {
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.err());
        List<String> out = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(run.out()).get("findings")) {
            out.add(f.get("ruleId").asText() + " " + f.at("/location/path").asText() + ":" + f.at("/location/startLine").asInt());
        }
        return out;
    }
}

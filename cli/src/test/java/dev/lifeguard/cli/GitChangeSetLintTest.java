package dev.lifeguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --since} on a Liquibase changelog the change appended to, in real git repositories: only the
 * changeSets the change added or edited are under review, and tables a new changeSet creates are new.
 * Each case that must fire has a twin that must not.
 */
class GitChangeSetLintTest {
    private static final String MASTER = "db/changelog/db.changelog-master.xml";
    private static final String USERS = "<createTable tableName=\"users\"><column name=\"id\" type=\"bigint\"/>"
            + "<column name=\"name\" type=\"text\"/><column name=\"fax\" type=\"text\"/></createTable>";
    /** Hazardous on an existing table: non-concurrent-index. */
    private static final String INDEX_USERS = "<createIndex tableName=\"users\" indexName=\"users_name\">"
            + "<column name=\"name\"/></createIndex>";
    /** Hazardous too: drop-column. */
    private static final String DROP_FAX = "<dropColumn tableName=\"users\" columnName=\"fax\"/>";
    /** Safe: a new table. */
    private static final String PHONES = "<createTable tableName=\"phones\"><column name=\"id\" type=\"bigint\"/></createTable>";

    @TempDir
    Path dir;

    private GitRepo base(String master, String text) throws IOException {
        return GitRepo.init(dir).write(master, text).write("src/main/java/app/User.java", "class User {}\n")
                .commitAll("base");
    }

    @Test
    void aSafeChangeSetAppendedLeavesTheOldOnesAlone() throws IOException {
        GitRepo repo = base(MASTER, changelog(changeSet("1", USERS), changeSet("2", INDEX_USERS), changeSet("3", DROP_FAX)));
        repo.branch("feature").write(MASTER, changelog(changeSet("1", USERS), changeSet("2", INDEX_USERS),
                changeSet("3", DROP_FAX), changeSet("4", PHONES))).commitAll("append a safe changeSet");
        assertEquals(List.of(), findings(repo.lint("--since", "main", "--dialect", "postgresql")),
                "changeSets 2 and 3 ran at main already");
        // the twin: the old hazards are there, and reported when everything is linted
        List<String> all = findings(repo.lint("--dialect", "postgresql"));
        assertTrue(all.contains("non-concurrent-index " + MASTER + ":" + body(repo, "2")), all.toString());
        assertTrue(all.contains("drop-column " + MASTER + ":" + body(repo, "3")), all.toString());
    }

    @Test
    void aHazardousChangeSetAppendedIsReportedAlone() throws IOException {
        GitRepo repo = base(MASTER, changelog(changeSet("1", USERS), changeSet("2", DROP_FAX)));
        repo.branch("feature").write(MASTER, changelog(changeSet("1", USERS), changeSet("2", DROP_FAX),
                changeSet("3", INDEX_USERS))).commitAll("append an index");
        List<String> found = findings(repo.lint("--since", "main", "--dialect", "postgresql"));
        assertTrue(found.contains("non-concurrent-index " + MASTER + ":" + body(repo, "3")), found.toString());
        assertTrue(found.stream().noneMatch(f -> f.startsWith("drop-column")), "changeSet 2 is old: " + found);
    }

    @Test
    void anEditedOldChangeSetIsReportedWithItsHazards() throws IOException {
        GitRepo repo = base(MASTER, changelog(changeSet("1", USERS), changeSet("2", PHONES), changeSet("3", DROP_FAX)));
        repo.branch("feature").write(MASTER, changelog(changeSet("1", USERS), changeSet("2", PHONES + INDEX_USERS),
                changeSet("3", DROP_FAX))).commitAll("edit changeSet 2");
        List<String> found = findings(repo.lint("--since", "main", "--dialect", "postgresql"));
        int two = line(repo, MASTER, "id=\"2\"");
        assertTrue(found.contains("edited-applied-migration " + MASTER + ":" + two), found.toString());
        assertTrue(found.contains("non-concurrent-index " + MASTER + ":" + (two + 1)), found.toString());
        assertTrue(found.stream().noneMatch(f -> f.startsWith("drop-column")), "changeSet 3 was not edited: " + found);
    }

    @Test
    void aTableANewChangeSetCreatesIsNew() throws IOException {
        String orders = "<createTable tableName=\"orders\"><column name=\"id\" type=\"bigint\"/>"
                + "<column name=\"user_id\" type=\"bigint\"/></createTable>";
        String indexOrders = "<createIndex tableName=\"orders\" indexName=\"orders_user\"><column name=\"user_id\"/></createIndex>";
        GitRepo repo = base(MASTER, changelog(changeSet("1", USERS)));
        repo.branch("feature").write(MASTER, changelog(changeSet("1", USERS), changeSet("2", orders),
                changeSet("3", indexOrders), changeSet("4", INDEX_USERS))).commitAll("orders");
        List<String> found = findings(repo.lint("--since", "main", "--dialect", "postgresql"));
        String three = ":" + body(repo, "3");
        assertTrue(found.stream().noneMatch(f -> f.endsWith(three)),
                "orders is created by a changeSet new since main: " + found);
        // the twin: users was created by a changeSet that ran at main, so its index is a hazard
        assertTrue(found.contains("non-concurrent-index " + MASTER + ":" + body(repo, "4")), found.toString());
    }

    @Test
    void aTableAnEditedChangeSetCreatesIsNotNew() throws IOException {
        GitRepo repo = base(MASTER, changelog(changeSet("1", USERS)));
        repo.branch("feature").write(MASTER, changelog(changeSet("1", USERS.replace("bigint", "int")),
                changeSet("2", INDEX_USERS))).commitAll("edit 1, index users");
        List<String> found = findings(repo.lint("--since", "main", "--dialect", "postgresql"));
        assertTrue(found.contains("edited-applied-migration " + MASTER + ":" + line(repo, MASTER, "id=\"1\"")), found.toString());
        assertTrue(found.contains("non-concurrent-index " + MASTER + ":" + body(repo, "2")),
                "users exists in production whatever changeSet 1 says now: " + found);
    }

    @Test
    void anIncludedChangelogTheChangeAppendedToIsNoLongerOnePiece() throws IOException {
        String part = "db/changelog/users.xml";
        String include = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
                + "  <include file=\"users.xml\" relativeToChangelogFile=\"true\"/>\n</databaseChangeLog>\n";
        String orders = "<createTable tableName=\"orders\"><column name=\"id\" type=\"bigint\"/></createTable>";
        String indexOrders = "<createIndex tableName=\"orders\" indexName=\"orders_id\"><column name=\"id\"/></createIndex>";
        GitRepo repo = base(MASTER, include).write(part, changelog(changeSet("1", USERS))).commitAll("users.xml");
        repo.branch("feature").write(part, changelog(changeSet("1", USERS), changeSet("2", INDEX_USERS),
                changeSet("3", orders), changeSet("4", indexOrders))).commitAll("append to users.xml");
        List<String> found = findings(repo.lint("--since", "main", "--dialect", "postgresql"));
        int two = line(repo, part, "id=\"2\"") + 1;
        assertTrue(found.contains("non-concurrent-index " + part + ":" + two), "users ran at main: " + found);
        int four = line(repo, part, "id=\"4\"") + 1;
        assertTrue(found.stream().noneMatch(f -> f.endsWith(part + ":" + four)), "orders is new: " + found);
    }

    @Test
    void codeAndSchemaPointsAtTheAppendedChangeSet() throws IOException {
        GitRepo repo = base(MASTER, changelog(changeSet("1", USERS)));
        repo.branch("feature").write(MASTER, changelog(changeSet("1", USERS), changeSet("2", PHONES)))
                .write("src/main/java/app/User.java", "class User { String phone; }\n").commitAll("phone");
        List<String> found = findings(repo.lint("--since", "main", "--dialect", "postgresql"));
        assertEquals(List.of("code-and-schema-in-one-change " + MASTER + ":" + line(repo, MASTER, "id=\"2\"")), found);
        // the twin: the same migration without the code change
        repo.git("checkout", "-q", "main", "--", "src/main/java/app/User.java");
        repo.commitAll("no code");
        assertEquals(List.of(), findings(repo.lint("--since", "main", "--dialect", "postgresql")));
    }

    @Test
    void formattedSqlChangelogsAreReviewedPerChangeSet() throws IOException {
        String master = "db/changelog/db.changelog-master.sql";
        String old = """
                --liquibase formatted sql

                --changeset ana:1
                CREATE TABLE users (id bigint PRIMARY KEY, name text);
                --rollback DROP TABLE users;

                --changeset ana:2
                CREATE INDEX users_name ON users (name);
                --rollback DROP INDEX users_name;
                """;
        GitRepo repo = base(master, old);
        repo.branch("feature").write(master, old + """

                --changeset ana:3
                CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);
                --rollback DROP TABLE orders;

                --changeset ana:4
                CREATE INDEX orders_user ON orders (user_id);
                --rollback DROP INDEX orders_user;
                """).commitAll("orders");
        assertEquals(List.of(), findings(repo.lint("--since", "main", "--dialect", "postgresql")),
                "changeSet 2 is old, orders is new");
        repo.write(master, repo.read(master) + """

                --changeset ana:5
                CREATE INDEX users_name_id ON users (name, id);
                --rollback DROP INDEX users_name_id;
                """).commitAll("index users");
        List<String> found = findings(repo.lint("--since", "main", "--dialect", "postgresql"));
        assertTrue(found.contains("non-concurrent-index " + master + ":" + line(repo, master, "CREATE INDEX users_name_id")),
                found.toString());
        String old2 = ":" + line(repo, master, "CREATE INDEX users_name ");
        assertTrue(found.stream().noneMatch(f -> f.endsWith(old2)), found.toString());
    }

    @Test
    void yamlChangelogsAreReviewedPerChangeSet() throws IOException {
        String master = "db/changelog/db.changelog-master.yaml";
        String old = """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: ana
                      changes:
                        - createTable:
                            tableName: users
                            columns:
                              - column: {name: id, type: bigint}
                              - column: {name: fax, type: text}
                              - column: {name: name, type: text}
                  - changeSet:
                      id: 2
                      author: ana
                      changes:
                        - dropColumn: {tableName: users, columnName: fax}
                """;
        GitRepo repo = base(master, old);
        repo.branch("feature").write(master, old + """
                  - changeSet:
                      id: 3
                      author: ana
                      changes:
                        - createTable:
                            tableName: emails
                            columns:
                              - column: {name: user_id, type: bigint}
                              - column: {name: email, type: text}
                """).commitAll("emails");
        assertEquals(List.of(), findings(repo.lint("--since", "main", "--dialect", "postgresql")), "changeSet 2 is old");
        repo.write(master, repo.read(master) + """
                  - changeSet:
                      id: 4
                      author: ana
                      changes:
                        - dropColumn: {tableName: emails, columnName: email}
                        - dropColumn: {tableName: users, columnName: name}
                """).commitAll("drop columns");
        List<String> found = findings(repo.lint("--since", "main", "--dialect", "postgresql"));
        assertTrue(found.contains("drop-column " + master + ":" + line(repo, master, "columnName: name")), found.toString());
        String email = ":" + line(repo, master, "columnName: email");
        assertTrue(found.stream().noneMatch(f -> f.startsWith("drop-column") && f.endsWith(email)),
                "emails is created by a changeSet new since main: " + found);
        String fax = ":" + line(repo, master, "columnName: fax");
        assertTrue(found.stream().noneMatch(f -> f.endsWith(fax)), found.toString());
    }

    private static String changelog(String... changeSets) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
                + String.join("", changeSets) + "</databaseChangeLog>\n";
    }

    private static String changeSet(String id, String body) {
        return "\n  <changeSet id=\"" + id + "\" author=\"dev\">\n    " + body + "\n  </changeSet>\n";
    }

    /** The line of the XML changeSet's body (its operations), one below its opening tag. */
    private static int body(GitRepo repo, String id) throws IOException {
        return line(repo, MASTER, "id=\"" + id + "\"") + 1;
    }

    /** The 1-based line of the first line holding {@code text} in the file as it is now. */
    private static int line(GitRepo repo, String path, String text) throws IOException {
        String[] lines = repo.read(path).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + path);
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

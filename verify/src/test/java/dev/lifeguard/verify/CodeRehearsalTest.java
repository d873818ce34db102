package dev.lifeguard.verify;

import dev.lifeguard.analyzer.LoadOptions;
import dev.lifeguard.analyzer.ProjectLoader;
import dev.lifeguard.analyzer.change.GitChanges;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.RelatedLocation;
import dev.lifeguard.rules.engine.DeployOrder;
import dev.lifeguard.rules.engine.EngineOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Item 6 of verify: both application versions of a reviewed change (the base revision's code, read from git, and the
 * working tree's) against both schemas, PREPAREd on a real embedded PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodeRehearsalTest {
    private static final String MIGRATIONS = "src/main/resources/db/migration/";
    private static final String ORDER = "src/main/java/shop/Order.java";
    private static final String CUSTOMERS = "src/main/java/shop/CustomerQueries.java";
    private static final String ORDER_WITH_NOTE = """
            package shop;

            import jakarta.persistence.*;

            @Entity
            @Table(name = "orders")
            public class Order {
                @Id Long id;
                String status;
                String note;
            }
            """;
    private static final String QUERIES = """
            package shop;

            import org.springframework.data.jpa.repository.Query;

            interface CustomerQueries {
                @Query(value = "SELECT id, email FROM customers WHERE email = ?1", nativeQuery = true)
                Object byEmail(String email);
            }
            """;

    private SharedPostgres postgres;
    @TempDir
    Path repo;

    @BeforeAll
    void start() throws Exception {
        postgres = new SharedPostgres();
    }

    @AfterAll
    void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void base() throws IOException {
        git("init", "-q", "-b", "main");
        git("config", "user.email", "dev@example.com");
        git("config", "user.name", "Dev");
        git("config", "commit.gpgsign", "false");
        write(MIGRATIONS + "V1__shop.sql", """
                CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);
                CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, status text NOT NULL, note text);
                """);
        write(ORDER, ORDER_WITH_NOTE);
        write(CUSTOMERS, QUERIES);
        git("add", "-A");
        git("commit", "-q", "-m", "base");
        git("checkout", "-q", "-b", "feature");
    }

    @Test
    void theRunningVersionsEntityMapsAColumnTheChangeDrops() throws Exception {
        write(MIGRATIONS + "V2__drop_note.sql", "ALTER TABLE orders DROP COLUMN note;\n");
        write(ORDER, ORDER_WITH_NOTE.replace("    String note;\n", ""));
        RehearsalReport report = rehearse(DeployOrder.MIGRATIONS_AT_STARTUP);

        Finding breaks = only(report, "breaks-running-version");
        assertEquals(Path.of(MIGRATIONS + "V2__drop_note.sql"), breaks.span().file(), "at the statement that drops it");
        assertEquals(1, breaks.span().startLine());
        RelatedLocation code = breaks.related().get(0);
        assertEquals(Path.of(ORDER), code.span().file(), "the base revision's file");
        assertEquals(10, code.span().startLine(), "the line of the mapped field at the base revision");
        String base = git("rev-parse", "--short", "main").strip();
        assertTrue(breaks.message().startsWith("the version running in production (at " + base + ") maps orders.note"
                + " (JPA mapping, " + ORDER + ":10)"), breaks.message());
        assertTrue(breaks.message().contains("column \"note\" does not exist"), "the server's own error: " + breaks.message());
        assertEquals(List.of(), VerifyProject.of(report, "needs-migration-first"), VerifyProject.describe(report));
        assertTrue(report.notes().stream().anyMatch(n -> n.contains("PREPAREd against the schema before and after")),
                VerifyProject.describe(report));
    }

    @Test
    void aNativeQueryOfTheNewVersionNeedsAColumnOnlyTheChangeAdds() throws Exception {
        write(MIGRATIONS + "V2__tier.sql", "ALTER TABLE customers ADD COLUMN tier text;\n");
        write(CUSTOMERS, QUERIES.replace("SELECT id, email FROM", "SELECT id, email, tier FROM"));

        RehearsalReport separate = rehearse(DeployOrder.SEPARATE);
        Finding first = only(separate, "needs-migration-first");
        assertEquals(Path.of(MIGRATIONS + "V2__tier.sql"), first.span().file(), "at the statement that adds it");
        assertEquals(Path.of(CUSTOMERS), first.related().get(0).span().file());
        assertEquals(6, first.related().get(0).span().startLine());
        assertTrue(first.message().startsWith("the version being deployed uses customers.tier"), first.message());
        assertTrue(first.message().contains("column \"tier\" does not exist"), first.message());
        assertTrue(first.message().contains("deploy: separate"), first.message());
        assertEquals(List.of(), VerifyProject.of(separate, "breaks-running-version"), VerifyProject.describe(separate));

        // migrations at start-up (the default): new code never meets the old schema
        RehearsalReport atStartup = rehearse(DeployOrder.MIGRATIONS_AT_STARTUP);
        assertEquals(List.of(), VerifyProject.of(atStartup, "needs-migration-first"), VerifyProject.describe(atStartup));
    }

    @Test
    void whatBothSchemasHaveOrNeitherHasIsNotReported() throws Exception {
        // the change adds an index: both versions' uses work before and after; a table of another database (in
        // neither schema) is no finding either
        write(MIGRATIONS + "V2__index.sql", "CREATE INDEX customers_email_idx ON customers (email);\n");
        write("src/main/java/shop/Audit.java", """
                package shop;

                class Audit {
                    static final String SQL = "SELECT actor FROM audit_log WHERE id = ?";
                }
                """);
        RehearsalReport report = rehearse(DeployOrder.SEPARATE);
        assertEquals(List.of(), VerifyProject.of(report, "breaks-running-version"), VerifyProject.describe(report));
        assertEquals(List.of(), VerifyProject.of(report, "needs-migration-first"), VerifyProject.describe(report));
    }

    private RehearsalReport rehearse(DeployOrder deploy) throws Exception {
        var project = new ProjectLoader().load(new LoadOptions(repo, List.of("."), Dialect.POSTGRESQL, List.of()));
        EngineOptions engine = EngineOptions.defaults().withDeploy(deploy).withChange(GitChanges.open(repo).since("main"));
        return new Rehearsal(VerifyOptions.defaults(engine), postgres::borrowed).run(project);
    }

    private static Finding only(RehearsalReport report, String ruleId) {
        List<Finding> found = VerifyProject.of(report, ruleId);
        assertEquals(1, found.size(), "one " + ruleId + " expected:\n" + VerifyProject.describe(report));
        return found.get(0);
    }

    private void write(String path, String text) throws IOException {
        Path f = repo.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    private String git(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("git " + String.join(" ", args) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }
}

package dev.lifeguard.verify;

import dev.lifeguard.analyzer.LoadOptions;
import dev.lifeguard.analyzer.ProjectLoader;
import dev.lifeguard.analyzer.change.GitChanges;
import dev.lifeguard.analyzer.change.GitRepo;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
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

    private static final String V1 = """
            CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);
            CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, status text NOT NULL, note text);
            """;

    private SharedPostgres postgres;
    @TempDir
    Path repo;
    private GitRepo gitRepo;

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
        gitRepo = GitRepo.init(repo);
        write(MIGRATIONS + "V1__shop.sql", V1);
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

    @Test
    void aTypeChangeMakesTheRunningVersionsComparisonInvalid() throws Exception {
        // the column is still there (no name is missing): only preparing the statement itself shows that the running
        // version's comparison no longer works once the column is an integer
        base(Map.of(MIGRATIONS + "V1__shop.sql", V1 + "ALTER TABLE customers ADD COLUMN code varchar(20);\n",
                "src/main/java/shop/CustomerDao.java", """
                        package shop;

                        class CustomerDao {
                            static final String BY_CODE =
                                    "SELECT id, email FROM customers WHERE code = lower(?)";
                        }
                        """));
        write(MIGRATIONS + "V2__code_int.sql", "ALTER TABLE customers ALTER COLUMN code TYPE integer USING length(code);\n");
        RehearsalReport report = rehearse(DeployOrder.MIGRATIONS_AT_STARTUP);

        Finding breaks = only(report, "breaks-running-version");
        assertEquals(Path.of(MIGRATIONS + "V2__code_int.sql"), breaks.span().file(), "at the statement that retypes it");
        assertEquals(Path.of("src/main/java/shop/CustomerDao.java"), breaks.related().get(0).span().file());
        assertEquals(5, breaks.related().get(0).span().startLine(), "the literal's line at the base revision");
        assertTrue(breaks.message().contains("sends SQL in code (src/main/java/shop/CustomerDao.java:5)"), breaks.message());
        assertTrue(breaks.message().contains("PREPARE SELECT id, email FROM customers WHERE code = lower($1) fails:"
                + " operator does not exist: integer = text"), "the placeholder as a parameter, the server's error: "
                + breaks.message());
    }

    @Test
    void aMyBatisStatementMadeAmbiguousByANewColumnOtherUsesCountedInTheNote() throws Exception {
        base(Map.of("src/main/resources/mapper/OrderMapper.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
                <mapper namespace="shop.OrderMapper">
                  <select id="openOrders" resultType="map">
                    SELECT o.id, c.email FROM orders o JOIN customers c ON c.id = o.id
                     WHERE status = #{status}
                  </select>
                  <select id="search" resultType="map">
                    SELECT id FROM orders <where><if test="status != null">status = #{status}</if></where>
                  </select>
                  <select id="sorted" resultType="map">SELECT id FROM orders ORDER BY ${column}</select>
                </mapper>
                """, "src/main/java/shop/Reports.java", """
                package shop;

                class Reports {
                    String byStatus(String status) {
                        return "SELECT count(*) FROM orders WHERE status = '" + status + "'";
                    }
                    static final String SCORE = "SELECT app_score(id) FROM customers";
                }
                """));
        // customers gets a status too: the mapper's unqualified status is now ambiguous in its join
        write(MIGRATIONS + "V2__customer_status.sql", "ALTER TABLE customers ADD COLUMN status text;\n");
        RehearsalReport report = rehearse(DeployOrder.MIGRATIONS_AT_STARTUP);

        Finding breaks = only(report, "breaks-running-version");
        assertEquals(Path.of(MIGRATIONS + "V2__customer_status.sql"), breaks.span().file());
        assertEquals(Path.of("src/main/resources/mapper/OrderMapper.xml"), breaks.related().get(0).span().file());
        assertEquals(5, breaks.related().get(0).span().startLine());
        assertTrue(breaks.message().contains("sends MyBatis mapper (src/main/resources/mapper/OrderMapper.xml:5)"), breaks.message());
        assertTrue(breaks.message().contains("WHERE status = $1 fails: column reference \"status\" is ambiguous"),
                breaks.message());
        String note = report.notes().stream().filter(n -> n.contains("PREPAREd against the schema before and after"))
                .findFirst().orElseThrow(() -> new AssertionError(VerifyProject.describe(report)));
        // app_score() is the application's own function, created at run time: it fails on both schemas, no finding
        assertTrue(note.contains("1 statements fail on both schemas"), note);
        assertTrue(note.contains("not checked, as they cannot be prepared on their own: 1 MyBatis dynamic SQL,"
                + " 1 SQL put together at run time, 1 text substitution (${...})"), note);
    }

    @Test
    void anEntityWhoseIdTheChangeMakesGeneratedAlwaysCanNoLongerBeInserted() throws Exception {
        base(Map.of(MIGRATIONS + "V1__shop.sql", V1 + "CREATE SEQUENCE invoices_seq;\n"
                        + "CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric(10, 2));\n",
                "src/main/java/shop/Invoice.java", """
                        package shop;

                        import jakarta.persistence.*;

                        @Entity
                        @Table(name = "invoices")
                        public class Invoice {
                            @Id
                            @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoices_seq")
                            Long id;
                            java.math.BigDecimal total;
                        }
                        """));
        write(MIGRATIONS + "V2__identity.sql", "ALTER TABLE invoices ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;\n");
        RehearsalReport report = rehearse(DeployOrder.MIGRATIONS_AT_STARTUP);

        Finding breaks = only(report, "breaks-running-version");
        assertTrue(breaks.message().contains("sends JPA entity Invoice's INSERT (src/main/java/shop/Invoice.java:6)"),
                breaks.message());
        assertTrue(breaks.message().contains("PREPARE INSERT INTO \"invoices\" (\"id\", \"total\") VALUES ($1, $2) fails:"
                + " cannot insert a non-DEFAULT value into column \"id\""), breaks.message());
        assertEquals(10, breaks.related().get(0).span().startLine(), "the id the provider writes");
    }

    @Test
    void theNewVersionsStatementThatOnlyTheRetypedColumnTakes() throws Exception {
        base(Map.of(MIGRATIONS + "V1__shop.sql", V1 + "ALTER TABLE customers ADD COLUMN points text;\n"));
        write(MIGRATIONS + "V2__points_int.sql", "ALTER TABLE customers ALTER COLUMN points TYPE integer USING length(points);\n");
        write("src/main/java/shop/Loyalty.java", """
                package shop;

                class Loyalty {
                    static final String GOLD = "SELECT id FROM customers WHERE points > 100 + ?";
                }
                """);
        RehearsalReport separate = rehearse(DeployOrder.SEPARATE);
        Finding first = only(separate, "needs-migration-first");
        assertEquals(Path.of(MIGRATIONS + "V2__points_int.sql"), first.span().file());
        assertEquals(Path.of("src/main/java/shop/Loyalty.java"), first.related().get(0).span().file());
        assertTrue(first.message().startsWith("the version being deployed sends SQL in code (src/main/java/shop/Loyalty.java:4),"
                + " which only works after the change"), first.message());
        assertTrue(first.message().contains("operator does not exist: text > integer"), first.message());
        assertEquals(List.of(), VerifyProject.of(separate, "breaks-running-version"), VerifyProject.describe(separate));
        assertEquals(List.of(), VerifyProject.of(rehearse(DeployOrder.MIGRATIONS_AT_STARTUP), "needs-migration-first"));
    }

    @Test
    void theApplicationsOwnSchemaIsOnTheSearchPath() throws Exception {
        // Flyway's schemas=app puts the tables in app; the application's unqualified names resolve there
        base(Map.of("flyway.conf", "flyway.schemas=app\n",
                MIGRATIONS + "V1__shop.sql", V1.replace("customers", "accounts") + "CREATE SCHEMA IF NOT EXISTS app;\n"
                        + "CREATE TABLE app.accounts_audit (id bigint PRIMARY KEY, actor text);\n",
                "src/main/java/shop/Audit.java", """
                        package shop;

                        class Audit {
                            static final String SQL = "SELECT actor FROM accounts_audit WHERE id = ?";
                        }
                        """));
        write(MIGRATIONS + "V2__drop_actor.sql", "ALTER TABLE app.accounts_audit DROP COLUMN actor;\n");
        RehearsalReport report = rehearse(DeployOrder.MIGRATIONS_AT_STARTUP);
        Finding breaks = only(report, "breaks-running-version");
        assertTrue(breaks.message().contains("uses accounts_audit.actor (SQL in code, src/main/java/shop/Audit.java:4)"),
                breaks.message());
    }

    @Test
    void aColumnRetypedUnderAnEntitysStringNoLongerTakesTheValueHibernateBinds() throws Exception {
        base(Map.of(MIGRATIONS + "V1__shop.sql", V1 + "CREATE TABLE vouchers (id bigint PRIMARY KEY, code text NOT NULL);\n",
                "src/main/java/shop/Voucher.java", """
                        package shop;

                        import jakarta.persistence.*;

                        @Entity
                        @Table(name = "vouchers")
                        public class Voucher {
                            @Id Long id;
                            String code;
                        }
                        """));
        write(MIGRATIONS + "V2__code_uuid.sql", "ALTER TABLE vouchers ALTER COLUMN code TYPE uuid USING md5(code)::uuid;\n");
        RehearsalReport report = rehearse(DeployOrder.MIGRATIONS_AT_STARTUP);

        Finding breaks = only(report, "breaks-running-version");
        assertEquals(Path.of(MIGRATIONS + "V2__code_uuid.sql"), breaks.span().file());
        assertTrue(breaks.message().contains("sends JPA entity Voucher's INSERT (values of the types Hibernate binds)"
                + " (src/main/java/shop/Voucher.java:6)"), breaks.message());
        assertTrue(breaks.message().contains("fails: column \"code\" is of type uuid but expression is of type character"
                + " varying"), breaks.message());
        assertEquals(9, breaks.related().get(0).span().startLine(), "the String attribute");

        // a driver told to send strings untyped (stringtype=unspecified) lets the server convert them: nothing to say
        Files.delete(repo.resolve(MIGRATIONS + "V2__code_uuid.sql"));
        base(Map.of("src/main/resources/application.properties",
                "spring.datasource.url=jdbc:postgresql://db/shop?stringtype=unspecified\n"));
        write(MIGRATIONS + "V2__code_uuid.sql", "ALTER TABLE vouchers ALTER COLUMN code TYPE uuid USING md5(code)::uuid;\n");
        RehearsalReport untyped = rehearse(DeployOrder.MIGRATIONS_AT_STARTUP);
        assertEquals(List.of("V2__code_uuid.sql ok"), untyped.rows().stream()
                .map(r -> Path.of(r.file()).getFileName() + " " + r.applied()).toList(), "the change was rehearsed");
        assertEquals(List.of(), VerifyProject.of(untyped, "breaks-running-version"), VerifyProject.describe(untyped));
    }

    @Test
    void aMapperParameterOfTheJdbcTypeItNamesNoLongerComparesWithTheRetypedColumn() throws Exception {
        base(Map.of(MIGRATIONS + "V1__shop.sql", V1 + "CREATE TABLE coupons (id bigint PRIMARY KEY, code text NOT NULL);\n",
                "src/main/resources/mapper/CouponMapper.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
                        <mapper namespace="shop.CouponMapper">
                          <select id="byCode" resultType="map">
                            SELECT id FROM coupons WHERE code = #{code,jdbcType=VARCHAR}
                          </select>
                        </mapper>
                        """));
        write(MIGRATIONS + "V2__code_uuid.sql", "ALTER TABLE coupons ALTER COLUMN code TYPE uuid USING md5(code)::uuid;\n");
        RehearsalReport report = rehearse(DeployOrder.MIGRATIONS_AT_STARTUP);

        // untyped, the parameter would take the column's new type; MyBatis binds the String as varchar
        Finding breaks = only(report, "breaks-running-version");
        assertEquals(Path.of(MIGRATIONS + "V2__code_uuid.sql"), breaks.span().file());
        assertTrue(breaks.message().contains("sends MyBatis mapper (values of the jdbcTypes it names)"
                + " (src/main/resources/mapper/CouponMapper.xml:5)"), breaks.message());
        assertTrue(breaks.message().contains("WHERE code = $1::varchar fails: operator does not exist: uuid = character varying"),
                breaks.message());
    }

    /** Puts files into the base revision ({@code main}) and starts the change from there again. */
    private void base(Map<String, String> files) throws IOException {
        git("checkout", "-q", "main");
        for (Map.Entry<String, String> f : files.entrySet()) {
            write(f.getKey(), f.getValue());
        }
        git("add", "-A");
        git("commit", "-q", "-m", "base with more code");
        git("checkout", "-q", "-B", "feature");
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
        gitRepo.write(path, text);
    }

    private String git(String... args) throws IOException {
        return gitRepo.git(args);
    }
}

package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.analyzer.model.TargetVersion;
import dev.lifeguard.rules.engine.Engine;
import dev.lifeguard.rules.engine.EngineOptions;
import dev.lifeguard.rules.testing.SqlProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.lifeguard.rules.testing.ProjectBuilder.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableRewriteRuleTest {
    private final TableRewriteRule rule = new TableRewriteRule();

    private List<Finding> onExisting(Operation op) {
        return postgres().version("1", create("t", col("id", "int"))).version("2", op).lint(rule);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gen_random_uuid()", "public.uuid_generate_v4()", "clock_timestamp()", "random() * 10",
            "nextval('t_seq'::regclass)", "timeofday()"})
    void volatileDefaultsRewrite(String dflt) {
        List<Finding> f = onExisting(addColumn("t", withDefault("c", "text", dflt)));
        assertEquals(1, f.size(), dflt);
        assertTrue(f.get(0).message().contains("t.c"), f.get(0).message());
        assertTrue(f.get(0).help().contains("SET DEFAULT"), f.get(0).help());
        assertTrue(f.get(0).message().contains("rewritten"), f.get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"now()", "CURRENT_TIMESTAMP", "transaction_timestamp()", "'random()'", "0", "statement_timestamp()"})
    void stableOrConstantDefaultsDoNot(String dflt) {
        assertTrue(onExisting(addColumn("t", withDefault("c", "text", dflt))).isEmpty(), dflt);
    }

    @Test
    void storedGeneratedIdentityAndSerialColumnsRewrite() {
        assertEquals(1, onExisting(addColumn("t", generated("g", "int", ColumnDef.Generated.STORED))).size());
        assertEquals(1, onExisting(addColumn("t", generated("i", "bigint", ColumnDef.Generated.IDENTITY))).size());
        assertEquals(1, onExisting(addColumn("t", col("s", "BIGSERIAL"))).size());
    }

    @Test
    void setLoggedVacuumFullAndClusterRewrite() {
        assertEquals(1, onExisting(new Operation.SetLogged(at("x", 1), t("t"), false)).size());
        assertEquals(1, onExisting(new Operation.Vacuum(at("x", 1), t("t"), true)).size());
        assertEquals(1, onExisting(new Operation.Vacuum(at("x", 1), null, true)).size());
        assertTrue(onExisting(new Operation.Vacuum(at("x", 1), t("t"), false)).isEmpty());
        assertEquals(1, onExisting(new Operation.Cluster(at("x", 1), t("t"))).size());
    }

    @Test
    void newTablesAndOtherDialectsAreFine() {
        assertTrue(postgres().version("1", create("t", col("id", "int")),
                addColumn("t", withDefault("c", "uuid", "gen_random_uuid()"))).lint(rule).isEmpty());
        assertTrue(flyway(Dialect.MYSQL).version("2", addColumn("t", withDefault("c", "uuid", "uuid()")),
                new Operation.Vacuum(at("x", 1), t("t"), true)).lint(rule).isEmpty());
    }

    private static List<Finding> lintFor(String target, Dialect dialect, String addColumn) {
        var project = SqlProject.flyway(dialect)
                .file("V1__t.sql", "CREATE TABLE t (id int PRIMARY KEY);")
                .file("V2__c.sql", addColumn).build();
        var options = EngineOptions.defaults()
                .withTargetVersion(target == null ? null
                        : TargetVersion.parse(target, dialect).orElseThrow());
        return new Engine(List.of(new TableRewriteRule()), options).lint(project).findings();
    }

    @Test
    void beforePostgresql11AnyDefaultRewrites() {
        String add = "ALTER TABLE t ADD COLUMN c int DEFAULT 0;";
        assertEquals(List.of(), lintFor(null, Dialect.POSTGRESQL, add));
        assertEquals(List.of(), lintFor("11", Dialect.POSTGRESQL, add));
        List<Finding> f = lintFor("postgresql:10", Dialect.POSTGRESQL, add);
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("before PostgreSQL 11"), f.get(0).message());
    }

    @Test
    void mysqlBefore8012RebuildsOnAddColumn() {
        String add = "ALTER TABLE t ADD COLUMN c int NULL;";
        assertEquals(List.of(), lintFor(null, Dialect.MYSQL, add));
        assertEquals(List.of(), lintFor("mysql:8.0.12", Dialect.MYSQL, add));
        assertEquals(List.of(), lintFor("postgresql:10", Dialect.MYSQL, add), "a target for another database");
        List<Finding> f = lintFor("8.0.11", Dialect.MYSQL, add);
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("no INSTANT ADD COLUMN"), f.get(0).message());
        assertEquals(1, lintFor("mariadb:10.2", Dialect.MARIADB, add).size());
        assertEquals(List.of(), lintFor("mariadb:10.3.2", Dialect.MARIADB, add));
    }
}

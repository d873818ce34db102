package dev.lifeguard.rules.engine;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Precondition;
import dev.lifeguard.analyzer.model.Precondition.Action;
import dev.lifeguard.analyzer.model.Precondition.Check;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.analyzer.timeline.SchemaState;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunsOnTest {
    private static final SourceSpan AT = SourceSpan.startOf(Path.of("changelog.xml"));
    private static final TableName USERS = TableName.of(null, "users");

    private static Migration guarded(Action onFail, boolean changelogLevel, Check... checks) {
        return guarded(Set.of(), new Precondition(new Precondition.And(List.of(checks)), onFail, Action.HALT,
                changelogLevel, AT));
    }

    private static Migration guarded(Set<String> dbmsAttribute, Precondition... preconditions) {
        return new Migration("1::a", null, null, Framework.LIQUIBASE, Migration.Kind.CHANGESET, AT, true, Set.of(),
                Set.of(), dbmsAttribute, false, List.of(), Reverse.none(), false, List.of(preconditions));
    }

    private static Migration plain(String id, List<Operation> ops) {
        return new Migration(id, null, null, Framework.LIQUIBASE, Migration.Kind.CHANGESET, AT, true, Set.of(),
                Set.of(), Set.of(), false, ops, Reverse.none());
    }

    /** users(id, email) with index idx_users_email and fk_users_org; legacy created and dropped. */
    private static SchemaState schema() {
        SchemaState s = new SchemaState();
        Migration m = plain("0::a", List.of());
        s.apply(m, new Operation.CreateTable(AT, USERS, List.of(ColumnDef.of("id", "int"), ColumnDef.of("email", "text")),
                List.of(new ConstraintDef("users_pk", ConstraintDef.Kind.PRIMARY_KEY, List.of("id"), null, null, false, null)),
                false, false));
        s.apply(m, new Operation.CreateIndex(AT, "idx_users_email", USERS, List.of("email"), false, false, false, null, null));
        s.apply(m, new Operation.AddConstraint(AT, USERS, new ConstraintDef("fk_users_org", ConstraintDef.Kind.FOREIGN_KEY,
                List.of("org_id"), TableName.of(null, "orgs"), null, false, null)));
        s.apply(m, new Operation.CreateTable(AT, TableName.of(null, "legacy"), List.of(), List.of(), false, false));
        s.apply(m, new Operation.DropTable(AT, List.of(TableName.of(null, "legacy")), false, false));
        s.apply(m, new Operation.Other(AT, "CREATE VIEW", true, null, "active_users"));
        return s;
    }

    private static Optional<Dialect> on(Migration m) {
        return RunsOn.dialect(m, Dialect.POSTGRESQL, schema());
    }

    private static Check dbms(String... types) {
        return new Precondition.Dbms(Set.of(types));
    }

    private static Check not(Check c) {
        return new Precondition.Not(List.of(c));
    }

    @Test
    void dbmsInsideNotAndOr() {
        assertEquals(Optional.of(Dialect.POSTGRESQL), on(guarded(Action.MARK_RAN, false, dbms("postgresql"))));
        assertEquals(Optional.of(Dialect.ORACLE), on(guarded(Action.MARK_RAN, false, dbms("oracle"))),
                "stopped here, it runs on Oracle: judged by Oracle's rules, as a dbms=\"oracle\" attribute is");
        assertEquals(Optional.empty(), on(guarded(Action.MARK_RAN, false, dbms("db2"))), "runs nowhere Lifeguard knows");
        assertEquals(Optional.of(Dialect.MYSQL), on(guarded(Action.CONTINUE, false, not(dbms("postgresql")))));
        assertEquals(Optional.of(Dialect.POSTGRESQL), on(guarded(Action.HALT, false,
                new Precondition.Or(List.of(dbms("mssql"), dbms("postgresql", "h2"))))));
        assertEquals(Optional.of(Dialect.SQLSERVER), on(guarded(Action.MARK_RAN, false,
                new Precondition.And(List.of(dbms("mssql", "postgresql"), not(dbms("postgresql")))))));
        assertEquals(Optional.of(Dialect.MYSQL), on(guarded(Action.MARK_RAN, false, dbms("!postgresql"))));
        assertEquals(Optional.of(Dialect.POSTGRESQL), on(guarded(Action.WARN, false, dbms("oracle"))),
                "onFail=WARN runs the changeSet anyway");
    }

    @Test
    void schemaChecksAnsweredFromTheReplayedSchema() {
        assertTrue(RunsOn.runs(guarded(Action.MARK_RAN, false, new Precondition.TableExists(USERS)), Dialect.POSTGRESQL, schema()));
        assertFalse(RunsOn.runs(guarded(Action.MARK_RAN, false, new Precondition.TableExists(TableName.of(null, "legacy"))),
                Dialect.POSTGRESQL, schema()), "created, then dropped: it is not there");
        assertFalse(RunsOn.runs(guarded(Action.MARK_RAN, false, not(new Precondition.ColumnExists(USERS, "EMAIL"))),
                Dialect.POSTGRESQL, schema()), "names compare as Liquibase compares them, case aside");
        assertTrue(RunsOn.runs(guarded(Action.MARK_RAN, false, not(new Precondition.ColumnExists(USERS, "name"))),
                Dialect.POSTGRESQL, schema()));
        assertFalse(RunsOn.runs(guarded(Action.MARK_RAN, false,
                not(new Precondition.IndexExists(null, "IDX_USERS_EMAIL", List.of()))), Dialect.POSTGRESQL, schema()));
        assertFalse(RunsOn.runs(guarded(Action.MARK_RAN, false,
                not(new Precondition.IndexExists(USERS, null, List.of("email")))), Dialect.POSTGRESQL, schema()));
        assertTrue(RunsOn.runs(guarded(Action.MARK_RAN, false,
                not(new Precondition.IndexExists(USERS, "idx_users_name", List.of()))), Dialect.POSTGRESQL, schema()),
                "an index of a table the history created, never made: not there");
        assertFalse(RunsOn.runs(guarded(Action.MARK_RAN, false,
                not(new Precondition.ForeignKeyExists(null, "fk_users_org"))), Dialect.POSTGRESQL, schema()));
        assertFalse(RunsOn.runs(guarded(Action.MARK_RAN, false, not(new Precondition.PrimaryKeyExists(USERS, null))),
                Dialect.POSTGRESQL, schema()));
        assertFalse(RunsOn.runs(guarded(Action.MARK_RAN, false, not(new Precondition.ViewExists("active_users"))),
                Dialect.POSTGRESQL, schema()));
    }

    @Test
    void whatCannotBeAnsweredRunsAndIsSaid() {
        Check sql = new Precondition.Unanswerable("sqlCheck", "SELECT COUNT(*) FROM users");
        Check unknownTable = new Precondition.ColumnExists(TableName.of(null, "orders"), "total");
        Migration m = guarded(Action.MARK_RAN, false, sql, not(unknownTable));
        assertTrue(RunsOn.runs(m, Dialect.POSTGRESQL, schema()));
        assertEquals(List.of("sqlCheck SELECT COUNT(*) FROM users",
                        "columnExists orders.total (no linted migration creates table orders)"),
                RunsOn.unanswered(m, Dialect.POSTGRESQL, schema()));
        assertEquals(List.of(), RunsOn.unanswered(guarded(Action.WARN, false, sql), Dialect.POSTGRESQL, schema()),
                "WARN runs it whatever the answer: nothing assumed");
        assertFalse(RunsOn.runs(guarded(Action.MARK_RAN, false, sql, dbms("oracle")), Dialect.POSTGRESQL, schema()),
                "a definite no wins over an unknown");
        assertEquals(List.of(), RunsOn.unanswered(guarded(Action.MARK_RAN, false,
                new Precondition.Or(List.of(sql, new Precondition.TableExists(USERS)))), Dialect.POSTGRESQL, schema()),
                "an or already true needs no answer from the database");
    }

    @Test
    void aGuardAgainstMakingItsOwnObjectTwiceIsAnswered() {
        TableName orders = TableName.of(null, "orders");
        Precondition guard = new Precondition(new Precondition.And(List.of(
                not(new Precondition.IndexExists(null, "idx_orders_user", List.of())),
                not(new Precondition.TableExists(orders)))), Action.MARK_RAN, Action.HALT, false, AT);
        Migration m = new Migration("1::a", null, null, Framework.LIQUIBASE, Migration.Kind.CHANGESET, AT, true,
                Set.of(), Set.of(), Set.of(), false, List.of(
                new Operation.CreateTable(AT, orders, List.of(ColumnDef.of("user_id", "int")), List.of(), false, false),
                new Operation.CreateIndex(AT, "idx_orders_user", orders, List.of("user_id"), false, false, false, null, null)),
                Reverse.none(), false, List.of(guard));
        assertTrue(RunsOn.runs(m, Dialect.POSTGRESQL, schema()));
        assertEquals(List.of(), RunsOn.unanswered(m, Dialect.POSTGRESQL, schema()),
                "what no linted migration made before, and this changeSet makes, is not there yet");
    }

    @Test
    void changelogLevelChecksRunBeforeAnyChangeSet() {
        Migration m = guarded(Action.HALT, true, new Precondition.TableExists(USERS));
        assertTrue(RunsOn.runs(m, Dialect.POSTGRESQL, schema()));
        assertEquals(List.of("tableExists users (a changelog precondition, checked before any changeSet runs)"),
                RunsOn.unanswered(m, Dialect.POSTGRESQL, schema()));
        assertEquals(Optional.of(Dialect.MYSQL), on(guarded(Action.HALT, true, dbms("mysql"))));
    }

    @Test
    void aBaselineStartsFromAnEmptySchema() {
        Migration v1 = new Migration("1", "1", "", Framework.FLYWAY, Migration.Kind.VERSIONED, AT, true, Set.of(), Set.of(),
                Set.of(), false, List.of(), Reverse.none());
        Migration b1 = new Migration("B1", "1", "", Framework.FLYWAY, Migration.Kind.VERSIONED, AT, true, Set.of(), Set.of(),
                Set.of(), false, List.of(), Reverse.none(), true, List.of());
        assertTrue(RunsOn.startsEmpty(b1, v1));
        assertTrue(RunsOn.startsEmpty(b1, null));
        assertTrue(RunsOn.startsEmpty(b1, b1), "each Flyway baseline is a whole schema");
        assertFalse(RunsOn.startsEmpty(v1, b1));
        Migration snapshot1 = new Migration("1::a (generated)", null, "", Framework.LIQUIBASE, Migration.Kind.CHANGESET, AT,
                true, Set.of(), Set.of(), Set.of(), false, List.of(), Reverse.none(), true, List.of());
        assertTrue(RunsOn.startsEmpty(snapshot1, v1));
        assertFalse(RunsOn.startsEmpty(snapshot1, snapshot1), "a snapshot's changeSets build one schema together");
    }

    @Test
    void dbmsListsAsLiquibaseReadsThem() {
        assertTrue(RunsOn.runs(guarded(Action.MARK_RAN, false, dbms("all")), Dialect.POSTGRESQL, schema()));
        assertFalse(RunsOn.runs(guarded(Action.MARK_RAN, false, dbms("none")), Dialect.POSTGRESQL, schema()));
        assertTrue(RunsOn.runs(guarded(Action.MARK_RAN, false, dbms("!oracle", "!mssql")), Dialect.POSTGRESQL, schema()),
                "only exclusions: every other database");
        assertFalse(RunsOn.runs(guarded(Action.MARK_RAN, false, dbms("!postgresql", "oracle")), Dialect.POSTGRESQL, schema()));
        assertTrue(RunsOn.runs(guarded(Action.MARK_RAN, false, dbms(" PostgreSQL ")), Dialect.POSTGRESQL, schema()),
                "short names as written, case and spaces aside");
        assertTrue(RunsOn.runs(guarded(Action.MARK_RAN, false, dbms("mariadb")), Dialect.MARIADB, schema()));
        assertFalse(RunsOn.runs(guarded(Action.MARK_RAN, false, dbms("mariadb")), Dialect.MYSQL, schema()));
        Migration oracle = guarded(Action.MARK_RAN, false, dbms("oracle"));
        assertTrue(RunsOn.runs(oracle, Dialect.GENERIC, schema()), "no database named: not known, judged as running");
        assertEquals(List.of("dbms oracle (no database named: --dialect generic)"),
                RunsOn.unanswered(oracle, Dialect.GENERIC, schema()));
    }

    @Test
    void everyOnFailButWarnStopsTheChangeSet() {
        for (Action stop : List.of(Action.HALT, Action.CONTINUE, Action.MARK_RAN)) {
            assertFalse(RunsOn.runs(guarded(stop, false, dbms("oracle")), Dialect.POSTGRESQL, schema()), stop.name());
            assertTrue(RunsOn.runs(guarded(stop, false, dbms("postgresql")), Dialect.POSTGRESQL, schema()), stop.name());
        }
        assertTrue(RunsOn.runs(guarded(Action.WARN, false, dbms("oracle")), Dialect.POSTGRESQL, schema()));
        assertEquals(Action.MARK_RAN, Action.parse(" mark_ran "));
        assertEquals(Action.HALT, Action.parse(null), "Liquibase's default");
        assertEquals(Action.HALT, Action.parse("IGNORE"));
    }

    @Test
    void eachPreconditionBlockMustLetItRun() {
        Migration m = guarded(Set.of(),
                new Precondition(dbms("postgresql"), Action.MARK_RAN, Action.HALT, true, AT),
                new Precondition(new Precondition.TableExists(TableName.of(null, "legacy")), Action.MARK_RAN,
                        Action.HALT, false, AT));
        assertFalse(RunsOn.runs(m, Dialect.POSTGRESQL, schema()), "the changelog's passes, the changeSet's does not");
        assertEquals(Optional.empty(), RunsOn.dialect(m, Dialect.POSTGRESQL, schema()),
                "on no other database either: legacy is gone there too");
    }
}

package dev.lifeguard.rules.postgres;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The judgement calls; the facts themselves are checked against a real PostgreSQL in test-fixtures. */
class PgLockKnowledgeTest {

    private static final SourceSpan AT = SourceSpan.startOf(Path.of("V1__x.sql"));
    private static final TableName T = TableName.parse("t");
    private final PgLockKnowledge pg = PgLockKnowledge.oldestSupported();

    private static Operation.AddColumn addColumn(String type, Boolean nullable, String dflt) {
        return new Operation.AddColumn(AT, T, new ColumnDef("c", type, nullable, dflt, ColumnDef.Generated.NONE,
                false, false, null), false);
    }

    private PgLockEffect effect(Operation op) {
        return pg.effect(op).orElseThrow();
    }

    @Test
    void volatileDefaultRewritesButStableDoesNot() {
        assertTrue(effect(addColumn("uuid", null, "gen_random_uuid()")).rewritesTable());
        assertFalse(effect(addColumn("timestamptz", null, "now()")).rewritesTable());
        assertTrue(effect(addColumn("bigserial", null, null)).rewritesTable());
    }

    @Test
    void beforeVersion11AnyDefaultRewrites() {
        assertTrue(new PgLockKnowledge(10).effect(addColumn("int", false, "0")).orElseThrow().rewritesTable());
        assertFalse(effect(addColumn("int", false, "0")).rewritesTable());
    }

    @Test
    void notNullWithoutDefaultFailsOnRows() {
        assertTrue(effect(addColumn("int", false, null)).failsOnNonEmptyTable());
        assertFalse(effect(addColumn("int", false, "0")).failsOnNonEmptyTable());
        assertFalse(effect(addColumn("int", null, null)).failsOnNonEmptyTable());
    }

    @Test
    void unknownDefaultFunctionIsVolatileAndNamedInTheNote() {
        PgLockEffect e = effect(addColumn("text", null, "make_code()"));
        assertTrue(e.rewritesTable(), "CREATE FUNCTION defaults to VOLATILE");
        assertTrue(e.note().contains("make_code()"), e.note());
        PgLockEffect declared = PgLockKnowledge.oldestSupported().withFunctionsEvaluatedOnce(java.util.Set.of("make_code"))
                .effect(addColumn("text", null, "make_code()")).orElseThrow();
        assertFalse(declared.rewritesTable(), "declared STABLE or IMMUTABLE in the history");
    }

    @Test
    void storageParametersStatisticsAndClusterTakeShareUpdateExclusive() {
        for (String kind : List.of("ALTER TABLE SET", "ALTER TABLE RESET", "ALTER TABLE CLUSTER", "ALTER TABLE SET WITHOUT",
                "ALTER TABLE ALTER COLUMN SET STATISTICS", "ALTER TABLE ALTER COLUMN SET OPTIONS")) {
            PgLockEffect e = effect(new Operation.Other(AT, kind, true, null));
            assertEquals(PgLockMode.SHARE_UPDATE_EXCLUSIVE, e.tableLock(), kind);
            assertFalse(e.blocksTraffic(), kind);
        }
        assertEquals(PgLockMode.SHARE_ROW_EXCLUSIVE,
                effect(new Operation.Other(AT, "ALTER TABLE DISABLE TRIGGER", true, null)).tableLock());
    }

    @Test
    void reindexBlocksReadsThroughItsIndexLocks() {
        PgLockEffect e = effect(new Operation.Reindex(AT, "TABLE", "t", false));
        assertEquals(PgLockMode.SHARE, e.tableLock());
        assertTrue(e.blocksReads());
        assertFalse(effect(new Operation.Reindex(AT, "TABLE", "t", true)).blocksTraffic());
    }

    @Test
    void notValidForeignKeyStillBlocksWrites() {
        ConstraintDef fk = new ConstraintDef("fk", ConstraintDef.Kind.FOREIGN_KEY, List.of("p"),
                TableName.parse("parent"), null, true, null);
        PgLockEffect e = effect(new Operation.AddConstraint(AT, T, fk));
        assertEquals(PgLockMode.SHARE_ROW_EXCLUSIVE, e.tableLock());
        assertFalse(e.scansTable());
        assertTrue(e.blocksWrites());
        assertFalse(e.blocksReads());
    }

    @Test
    void uniqueUsingIndexIsCatalogOnly() {
        ConstraintDef u = new ConstraintDef("u", ConstraintDef.Kind.UNIQUE, List.of(), null, null, false, "t_uidx");
        assertFalse(effect(new Operation.AddConstraint(AT, T, u)).scansTable());
        ConstraintDef built = new ConstraintDef("u", ConstraintDef.Kind.UNIQUE, List.of("e"), null, null, false, null);
        assertTrue(effect(new Operation.AddConstraint(AT, T, built)).scansTable());
    }

    @Test
    void typeChangeUsesTheOldType() {
        Operation.AlterColumnType widen = new Operation.AlterColumnType(AT, T, "name",
                ColumnDef.of("name", "varchar(100)"), null, false);
        assertFalse(pg.effect(widen, "varchar(50)").orElseThrow().rewritesTable());
        assertTrue(pg.effect(widen, null).orElseThrow().rewritesTable());
    }

    @Test
    void lockTableDefaultsToAccessExclusive() {
        assertEquals(PgLockMode.ACCESS_EXCLUSIVE,
                effect(new Operation.LockTable(AT, List.of(T), null)).tableLock());
        assertEquals(PgLockMode.SHARE, effect(new Operation.LockTable(AT, List.of(T), "SHARE")).tableLock());
    }

    @Test
    void sessionStatementsTouchNoTable() {
        assertTrue(pg.effect(new Operation.SessionSetting(AT, "lock_timeout", "'5s'", false)).isEmpty());
        assertTrue(pg.effect(new Operation.Unparsed(AT, "FOO", "bad")).isEmpty());
    }
}

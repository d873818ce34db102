package dev.lifeguard.rules.postgres;

import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Operation;

import static dev.lifeguard.rules.postgres.PgLockMode.ACCESS_EXCLUSIVE;
import static dev.lifeguard.rules.postgres.PgLockMode.NONE;
import static dev.lifeguard.rules.postgres.PgLockMode.SHARE;
import static dev.lifeguard.rules.postgres.PgLockMode.SHARE_ROW_EXCLUSIVE;
import static dev.lifeguard.rules.postgres.PgLockMode.SHARE_UPDATE_EXCLUSIVE;

/**
 * Locks of constraints and indexes, the part of {@link PgLockKnowledge} where common linter lore is most
 * often wrong: ADD UNIQUE blocks reads (unlike CREATE INDEX), a NOT VALID foreign key still blocks
 * writes on both tables, and REINDEX blocks reads although it takes only SHARE on the table.
 */
final class PgConstraintLocks {

    private PgConstraintLocks() {
    }

    static PgLockEffect addConstraint(ConstraintDef c) {
        return switch (c.kind()) {
            case FOREIGN_KEY -> PgLockEffect.of(SHARE_ROW_EXCLUSIVE, false, !c.notValid(), (c.notValid()
                    ? "no scan; "
                    : "scans every row to check it (add NOT VALID, then VALIDATE CONSTRAINT later); ")
                    + "writes to this table and to " + (c.referencedTable() == null ? "the referenced table"
                    : c.referencedTable()) + " wait (SHARE ROW EXCLUSIVE on both)");
            case CHECK -> PgLockEffect.of(ACCESS_EXCLUSIVE, false, !c.notValid(), c.notValid()
                    ? "no scan, but still ACCESS EXCLUSIVE for a moment"
                    : "scans every row under ACCESS EXCLUSIVE (add NOT VALID, then VALIDATE CONSTRAINT later)");
            case PRIMARY_KEY, UNIQUE -> c.usingIndex() != null
                    ? PgLockEffect.of(ACCESS_EXCLUSIVE, false, false, "adopts the existing index " + c.usingIndex()
                    + ": catalog only" + (c.kind() == ConstraintDef.Kind.PRIMARY_KEY
                    ? " when the columns are already NOT NULL (else they are scanned)" : ""))
                    : PgLockEffect.of(ACCESS_EXCLUSIVE, false, true, "builds its index under ACCESS EXCLUSIVE, "
                    + "reads blocked too (CREATE UNIQUE INDEX CONCURRENTLY, then ADD ... USING INDEX)");
            case EXCLUDE -> PgLockEffect.of(ACCESS_EXCLUSIVE, false, true,
                    "builds its index under ACCESS EXCLUSIVE, reads blocked too");
            case NOT_NULL -> c.notValid()
                    ? PgLockEffect.of(ACCESS_EXCLUSIVE, false, false, "no scan (PostgreSQL 18): new rows are checked at"
                    + " once; VALIDATE CONSTRAINT later scans under SHARE UPDATE EXCLUSIVE")
                    : PgLockEffect.of(ACCESS_EXCLUSIVE, false, true, "scans every row under ACCESS EXCLUSIVE");
            case OTHER -> PgLockEffect.of(ACCESS_EXCLUSIVE, false, false, "assumed ACCESS EXCLUSIVE");
        };
    }

    /**
     * PRIMARY KEY USING INDEX whose columns may hold NULL: adopting the index is catalog only, but the key makes
     * its columns NOT NULL, which PostgreSQL checks like SET NOT NULL.
     */
    static PgLockEffect primaryKeyOnNullableIndex(ConstraintDef c, boolean notNullProven) {
        return notNullProven
                ? PgLockEffect.of(ACCESS_EXCLUSIVE, false, false, "adopts the existing index " + c.usingIndex()
                + "; its columns become NOT NULL without a scan: a validated CHECK (col IS NOT NULL) proves them")
                : PgLockEffect.of(ACCESS_EXCLUSIVE, false, true, "adopts the existing index " + c.usingIndex()
                + ", but its nullable columns become NOT NULL: every row is scanned under ACCESS EXCLUSIVE");
    }

    /**
     * ALTER DOMAIN: ADD CONSTRAINT (without NOT VALID) and SET NOT NULL check every column of the domain in
     * every table using it, under SHARE on each; so does VALIDATE CONSTRAINT: for a domain, NOT VALID only
     * moves the blocking scan to a later migration.
     */
    static PgLockEffect alterDomain(Operation.AlterDomain d) {
        return switch (d.action()) {
            case ADD_CONSTRAINT -> d.notValid()
                    ? PgLockEffect.of(NONE, false, false, "NOT VALID: new values are checked, existing rows are not")
                    : PgLockEffect.of(SHARE, false, true, "scans every table using domain " + d.domain()
                    + " under SHARE: their writes wait (ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT)");
            case SET_NOT_NULL -> PgLockEffect.of(SHARE, false, true, "scans every table using domain "
                    + d.domain() + " under SHARE: their writes wait");
            case VALIDATE_CONSTRAINT -> PgLockEffect.of(SHARE, false, true, "scans every table using domain "
                    + d.domain() + " under SHARE, unlike a table's VALIDATE CONSTRAINT: their writes wait (measured"
                    + " on PostgreSQL 15 and 18)");
            case OTHER -> PgLockEffect.of(NONE, false, false, "catalog only: no table lock");
        };
    }

    static PgLockEffect createIndex(boolean concurrently) {
        return concurrently
                ? PgLockEffect.of(SHARE_UPDATE_EXCLUSIVE, false, true, "two passes without blocking reads or "
                + "writes; cannot run in a transaction, waits for every open transaction on the table, and a "
                + "failure leaves an INVALID index to drop")
                : PgLockEffect.of(SHARE, false, true,
                "writes wait for the whole build; use CREATE INDEX CONCURRENTLY");
    }

    static PgLockEffect dropIndex(boolean concurrently) {
        return concurrently
                ? PgLockEffect.of(SHARE_UPDATE_EXCLUSIVE, false, false,
                "waits for open transactions instead of blocking; cannot run in a transaction")
                : PgLockEffect.of(ACCESS_EXCLUSIVE, false, false,
                "ACCESS EXCLUSIVE on the table; use DROP INDEX CONCURRENTLY");
    }

    static PgLockEffect reindex(boolean concurrently) {
        if (concurrently) {
            return PgLockEffect.of(SHARE_UPDATE_EXCLUSIVE, false, true, "builds new indexes beside the old "
                    + "ones without blocking (PostgreSQL 12+); cannot run in a transaction");
        }
        // SHARE on the table, but ACCESS EXCLUSIVE on each index, and the planner opens every index of
        // the table for any query: plain SELECTs wait too
        return PgLockEffect.of(SHARE, false, true, "ACCESS EXCLUSIVE on the index(es), which every query's "
                + "planner opens: reads wait too; use REINDEX ... CONCURRENTLY").withBlocksReads();
    }
}

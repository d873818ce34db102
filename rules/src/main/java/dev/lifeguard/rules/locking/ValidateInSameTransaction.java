package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Operation.TransactionKind;
import dev.lifeguard.rules.RelatedLocation;
import dev.lifeguard.rules.engine.OperationContext;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code VALIDATE CONSTRAINT} in the same transaction as the {@code ADD ... NOT VALID} it validates: the ADD's
 * lock (ACCESS EXCLUSIVE for a CHECK or NOT NULL, SHARE ROW EXCLUSIVE on both tables for a foreign key) is held
 * until commit, so the validation scan runs under it and NOT VALID bought nothing (measured: E7 of the peer
 * suites). Part of constraint-without-not-valid.
 */
final class ValidateInSameTransaction {

    private ValidateInSameTransaction() {
    }

    static void check(OperationContext ctx, Operation.ValidateConstraint v) {
        List<Operation> earlier = ctx.earlierOperations();
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Operation op = earlier.get(i);
            if (op instanceof Operation.TransactionControl tc && tc.kind() != TransactionKind.BEGIN
                    && tc.kind() != TransactionKind.SAVEPOINT) {
                return; // committed (or rolled back) in between: the ADD's lock is gone
            }
            if (op instanceof Operation.AddConstraint add && add.constraint().notValid()
                    && add.table().matches(v.table()) && v.name().equals(add.constraint().name())) {
                if (oneTransaction(ctx.migration(), earlier.subList(0, i)) && !ctx.isNewTable(add.table())) {
                    report(ctx, v, add);
                }
                return;
            }
        }
    }

    /**
     * Whether statements of this migration run in one transaction: it opened one with BEGIN, its tool runs it
     * in one, or its tool sends the file as one multi-statement query, which PostgreSQL runs as one implicit
     * transaction (golang-migrate, dbmate, and the runners of a plain SQL file: Atlas wraps it in one too).
     */
    private static boolean oneTransaction(Migration m, List<Operation> before) {
        for (int i = before.size() - 1; i >= 0; i--) {
            if (before.get(i) instanceof Operation.TransactionControl tc) {
                return tc.kind() == TransactionKind.BEGIN || tc.kind() == TransactionKind.SAVEPOINT;
            }
        }
        return m.inTransaction() || m.framework() == Framework.GOLANG_MIGRATE || m.framework() == Framework.DBMATE
                || m.framework() == Framework.PLAIN_SQL && versionedName(m);
    }

    /**
     * A plain SQL file named with a leading version (1.sql, 20240101_add.sql) sits in a migration runner's
     * directory, and those runners (Atlas, golang-migrate, dbmate) send it in one transaction; an unversioned
     * script (fix.sql) is more likely run by psql, one statement at a time.
     */
    private static boolean versionedName(Migration m) {
        Path name = m.file().getFileName();
        return name != null && !name.toString().isEmpty() && Character.isDigit(name.toString().charAt(0));
    }

    private static void report(OperationContext ctx, Operation.ValidateConstraint v, Operation.AddConstraint add) {
        ConstraintDef c = add.constraint();
        boolean fk = c.kind() == ConstraintDef.Kind.FOREIGN_KEY;
        String lock = fk ? "SHARE ROW EXCLUSIVE on " + add.table() + " and " + (c.referencedTable() == null
                ? "the referenced table" : c.referencedTable()) + " (writes to both wait)"
                : "ACCESS EXCLUSIVE on " + add.table() + " (reads and writes wait)";
        ctx.report(v.span(), "constraint " + v.name() + " is validated in the same transaction that added it NOT"
                        + " VALID: the ADD's " + lock + " is held until commit, so the validation scan runs under it",
                "Commit between the two: keep ALTER TABLE " + add.table() + " ADD CONSTRAINT " + c.name()
                        + " ... NOT VALID; in this migration and move ALTER TABLE " + v.table()
                        + " VALIDATE CONSTRAINT " + v.name() + "; to the next one (it then takes only SHARE UPDATE"
                        + " EXCLUSIVE and blocks neither reads nor writes)",
                null, List.of(new RelatedLocation(add.span(), "added NOT VALID here")));
    }
}

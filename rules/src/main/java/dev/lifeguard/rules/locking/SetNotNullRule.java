package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.analyzer.timeline.ColumnState;
import dev.lifeguard.rules.DialectNames;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;
import java.util.Optional;

@RuleInfo(
        id = "set-not-null",
        summary = "Making an existing column NOT NULL scans the table under lock and breaks code that writes NULL",
        severity = Severity.WARNING,
        tags = {"locking", "compatibility", "expand-contract"},
        help = "PostgreSQL 12+: add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it in a later migration, then SET NOT NULL and drop the check")
public final class SetNotNullRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        Operation op = ctx.operation();
        if (op instanceof Operation.SetNotNull s && !ctx.isNewTable(s.table())) {
            Optional<ColumnState> column = ctx.table(s.table()).flatMap(t -> t.column(s.column()));
            boolean alreadyNotNull = column.map(c -> Boolean.FALSE.equals(c.nullable())).orElse(false);
            if (!alreadyNotNull && !NotNullChecks.provenBefore(ctx, s.table(), s.column())) {
                report(ctx, s.table(), s.column(), "");
            }
        } else if (op instanceof Operation.AlterColumnType a && a.fullRedefinition()
                && Boolean.FALSE.equals(a.definition().nullable()) && !ctx.isNewTable(a.table())) {
            // MODIFY / CHANGE restate the whole column: only a column the history shows nullable changes here
            boolean wasNullable = ctx.table(a.table()).flatMap(t -> t.column(a.column()))
                    .map(c -> !Boolean.FALSE.equals(c.nullable())).orElse(false);
            if (wasNullable) {
                report(ctx, a.table(), a.column(), " by restating it");
            }
        }
    }

    private static void report(OperationContext ctx, TableName name, String col, String how) {
        String table = ctx.sql(name);
        String column = ctx.sql(col);
        String c = table + "." + column;
        String check = ctx.sql(name.name() + "_" + col + "_not_null");
        String consequence;
        String help;
        if (ctx.dialect() == Dialect.POSTGRESQL) {
            consequence = "PostgreSQL scans every row under an ACCESS EXCLUSIVE lock (reads and writes wait)";
            help = "ALTER TABLE " + table + " ADD CONSTRAINT " + check + " CHECK (" + column + " IS NOT NULL) NOT VALID;"
                    + " then, in a later migration: ALTER TABLE " + table + " VALIDATE CONSTRAINT " + check + ";"
                    + " ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL;"
                    + " ALTER TABLE " + table + " DROP CONSTRAINT " + check + ";"
                    + " (PostgreSQL 12+ skips the scan when a validated check proves the column has no NULL)";
        } else {
            consequence = "the database checks (and on " + (ctx.dialect().isMySqlFamily() ? DialectNames.of(ctx.dialect()) : "many databases")
                    + " rebuilds) the whole table and fails if any row holds NULL";
            help = "Backfill NULLs in " + c + " in batches and release code that always writes " + column
                    + " first; then make it NOT NULL in a later migration";
        }
        ctx.report(ctx.operation().span(), "column " + c + " is made NOT NULL" + how + ": " + consequence
                + ", and the application version still running fails if it writes NULL", help, null, List.of());
    }
}

package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.analyzer.timeline.ColumnState;
import dev.lifeguard.rules.DialectNames;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;
import dev.lifeguard.rules.keys.TableKeys;

import java.util.List;
import java.util.Locale;
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
            setNotNull(ctx, s.table(), s.column(), "");
        } else if (op instanceof Operation.AddConstraint a && a.constraint().kind() == ConstraintDef.Kind.NOT_NULL
                && !a.constraint().notValid() && !ctx.isNewTable(a.table())) {
            // PostgreSQL 18: ADD CONSTRAINT n NOT NULL col is SET NOT NULL with a name
            for (String column : a.constraint().columns()) {
                setNotNull(ctx, a.table(), column, " by ADD CONSTRAINT ... NOT NULL");
            }
        } else if (op instanceof Operation.AddConstraint a && a.constraint().kind() == ConstraintDef.Kind.PRIMARY_KEY
                && a.constraint().usingIndex() != null && ctx.dialect() == Dialect.POSTGRESQL
                && !ctx.isNewTable(a.table())) {
            primaryKeyUsingIndex(ctx, a);
        } else if (op instanceof Operation.AlterDomain d && d.action() == Operation.DomainAction.SET_NOT_NULL) {
            ctx.report(d.span(), "domain " + d.domain() + " is made NOT NULL: PostgreSQL checks every column of the"
                    + " domain in every table that uses it, holding SHARE on each (writes wait), and the application"
                    + " version still running fails if it writes NULL to any of them", "Leave the domain nullable and"
                    + " make each column NOT NULL the safe way: ALTER TABLE ... ADD CONSTRAINT ... CHECK (col IS NOT"
                    + " NULL) NOT VALID, VALIDATE CONSTRAINT in a later migration, then SET NOT NULL", null, List.of());
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

    /**
     * PRIMARY KEY USING INDEX adopts a unique index at no cost, but a primary key's columns are NOT NULL: each
     * nullable one is checked like SET NOT NULL (measured: a scan under ACCESS EXCLUSIVE, skipped by a validated
     * CHECK (col IS NOT NULL)). An index the history does not show is not judged.
     */
    private static void primaryKeyUsingIndex(OperationContext ctx, Operation.AddConstraint a) {
        TableKeys keys = TableKeys.before(ctx);
        ctx.earlierOperations().forEach(keys::apply);
        String index = a.constraint().usingIndex().toLowerCase(Locale.ROOT);
        String name = index.substring(index.lastIndexOf('.') + 1);
        keys.of(a.table()).stream().filter(k -> k.indexed() && k.name().equals(name)).findFirst().ifPresent(k -> {
            for (String column : k.columns()) {
                setNotNull(ctx, a.table(), column, " by PRIMARY KEY USING INDEX " + a.constraint().usingIndex());
            }
        });
    }

    private static void setNotNull(OperationContext ctx, TableName table, String column, String how) {
        Optional<ColumnState> state = ctx.table(table).flatMap(t -> t.column(column));
        boolean alreadyNotNull = state.map(c -> Boolean.FALSE.equals(c.nullable())).orElse(false);
        // PostgreSQL uses a validated CHECK (col IS NOT NULL) to skip the scan only from version 12
        boolean checkSkipsScan = ctx.dialect() != Dialect.POSTGRESQL || ctx.targetVersion().atLeast(12);
        if (!alreadyNotNull && !(checkSkipsScan && NotNullChecks.provenBefore(ctx, table, column))) {
            report(ctx, table, column, how);
        }
    }

    private static void report(OperationContext ctx, TableName name, String col, String how) {
        String table = ctx.sql(name);
        String column = ctx.sql(col);
        String c = table + "." + column;
        String check = ctx.sql(name.name() + "_" + col + "_not_null");
        String consequence;
        String help;
        if (ctx.dialect() == Dialect.POSTGRESQL && ctx.targetVersion().atLeast(18)) {
            consequence = "PostgreSQL scans every row under an ACCESS EXCLUSIVE lock (reads and writes wait)";
            help = "PostgreSQL 18+: ALTER TABLE " + table + " ADD CONSTRAINT " + check + " NOT NULL " + column
                    + " NOT VALID; (new rows are checked at once, no scan); then, in a later migration: ALTER TABLE "
                    + table + " VALIDATE CONSTRAINT " + check + "; (scans under SHARE UPDATE EXCLUSIVE: reads and"
                    + " writes go on, and the column is then NOT NULL)";
        } else if (ctx.dialect() == Dialect.POSTGRESQL && !ctx.targetVersion().atLeast(12)) {
            consequence = "PostgreSQL scans every row under an ACCESS EXCLUSIVE lock (reads and writes wait); before"
                    + " version 12 a validated CHECK (" + column + " IS NOT NULL) does not spare the scan";
            help = "On PostgreSQL " + ctx.targetVersion().major() + " there is no scan-free way: keep the column"
                    + " nullable and enforce it with ALTER TABLE " + table + " ADD CONSTRAINT " + check + " CHECK ("
                    + column + " IS NOT NULL) NOT VALID; then VALIDATE CONSTRAINT " + check + " in a later migration;"
                    + " SET NOT NULL after upgrading to 12+, or off-peak";
        } else if (ctx.dialect() == Dialect.POSTGRESQL) {
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

package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.timeline.ColumnState;
import dev.lifeguard.rules.DialectNames;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;
import dev.lifeguard.rules.mysql.MySqlOnlineDdl;
import dev.lifeguard.rules.postgres.PgTypeChange;

import java.util.List;

@RuleInfo(
        id = "column-type-change",
        summary = "Changing a column's type in place rewrites the table and can break the running application",
        severity = Severity.ERROR,
        tags = {"compatibility", "locking", "rewrite", "expand-contract"},
        help = "Add a column of the new type, write both and backfill in batches, move reads to it, and drop the old column in a later release")
public final class ColumnTypeChangeRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        if (!(ctx.operation() instanceof Operation.AlterColumnType a) || ctx.isNewTable(a.table())) {
            return;
        }
        Dialect dialect = ctx.dialect();
        SqlType to = SqlType.parse(a.definition().type(), dialect);
        if (to == null) {
            return; // nothing about the type is said
        }
        String oldType = ctx.table(a.table()).flatMap(t -> t.column(a.column())).map(ColumnState::type).orElse(null);
        SqlType from = SqlType.parse(oldType, dialect);
        if (from != null && from.equals(to) && a.using() == null) {
            return; // restated, as MODIFY / CHANGE / modifyDataType do
        }
        if (dialect == Dialect.POSTGRESQL
                && !PgTypeChange.classify(oldType, a.definition().type(), a.using(), a.column()).rewrites()) {
            return; // a change PostgreSQL makes in the catalog only (measured: see PgLockKnowledge)
        }
        String column = a.table() + "." + a.column();
        MySqlOnlineDdl.Verdict mysql = dialect.isMySqlFamily() && from != null
                ? MySqlOnlineDdl.judge(ctx).orElse(null) : null;
        if (mysql != null && mysql.outcome() == MySqlOnlineDdl.Outcome.ONLINE) {
            return; // a widening the server makes in place, without a copy (VARCHAR in its length class, ENUM/SET appended)
        }
        if (mysql != null && mysql.outcome() == MySqlOnlineDdl.Outcome.REFUSED) {
            ctx.report(a.span(), "column " + column + " changes type from " + from + " to " + to + ": " + mysql.refusal(),
                    "Expand and contract instead: add a column of the new type, backfill it in batches, move reads to"
                    + " it, and drop the old one in a later release (or run the change with gh-ost or"
                    + " pt-online-schema-change)", null, List.of());
            return;
        }
        String change = from == null ? "changes type to " + to + " (its previous type is not in the migrations read)"
                : "changes type from " + from + " to " + to;
        String help = "Expand: ALTER TABLE " + a.table() + " ADD COLUMN " + a.column() + "_new " + a.definition().type()
                + "; write both columns from the application and backfill " + a.column() + "_new in batches; move"
                + " reads to it; contract in a later release by dropping " + a.column()
                + (dialect.isMySqlFamily() ? " (or run the change with an online schema change tool such as gh-ost"
                   + " or pt-online-schema-change)" : "");
        String consequence = mysql != null ? "on " + DialectNames.of(dialect) + ", " + mysql.effect().note()
                + "; the application version still running may not read or write the new type"
                : consequence(dialect, from, to);
        ctx.report(a.span(), "column " + column + " " + change + ": " + consequence, help, null, List.of());
    }

    private static String consequence(Dialect dialect, SqlType from, SqlType to) {
        String running = "; the application version still running may not read or write the new type";
        if (dialect == Dialect.POSTGRESQL) {
            return "PostgreSQL rewrites the table and rebuilds every index on it under an ACCESS EXCLUSIVE lock"
                    + " (reads and writes wait)" + running;
        }
        if (dialect.isMySqlFamily()) {
            return DialectNames.of(dialect) + " rebuilds the table with the COPY algorithm, blocking writes for the whole"
                    + " copy, unless the change is a widening it makes in place (a VARCHAR within its length-byte class,"
                    + " ENUM/SET values appended): state ALGORITHM=INPLACE, LOCK=NONE to have the server refuse a copy"
                    + running;
        }
        return "most databases rewrite the table under an exclusive lock" + running;
    }
}

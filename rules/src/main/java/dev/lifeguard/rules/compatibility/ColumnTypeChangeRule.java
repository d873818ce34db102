package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.analyzer.timeline.NetChange;
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
        List<NetChange.ColumnRetyped> here = ctx.netChanges(NetChange.ColumnRetyped.class);
        for (NetChange.ColumnRetyped r : here) {
            if (!ctx.isNewTable(r.table())) {
                judge(ctx, r);
            }
        }
        if (here.isEmpty() && ctx.operation() instanceof Operation.AlterColumnType a) {
            again(ctx, a);
        }
    }

    /**
     * A statement that changes the type of a column an earlier statement of the migration already changed: the
     * application sees one change (reported at the first), but this statement rewrites the table once more,
     * under its own lock.
     */
    private static void again(OperationContext ctx, Operation.AlterColumnType a) {
        int index = ctx.earlierOperations().size();
        NetChange.ColumnRetyped first = ctx.netEffect().changes().stream()
                .filter(c -> c instanceof NetChange.ColumnRetyped r && !r.throughCopy() && r.at() < index
                        && r.table().name().matches(a.table()) && r.now().name().equals(a.column()))
                .map(c -> (NetChange.ColumnRetyped) c).findFirst().orElse(null);
        if (first == null || ctx.isNewTable(first.table())) {
            return;
        }
        Dialect dialect = ctx.dialect();
        // the type the earlier statement set (the table may be production's, unknown to the replayed schema)
        SqlType to = SqlType.parse(a.definition().type(), dialect);
        String column = ctx.sql(a.table(), a.column());
        if (to != null && first.table().isPresumed()) {
            // production's table: what the column held before the migration is not known, nor what a cast to
            // this type does to it
            ctx.report(ctx.operation().span(), "column " + column + " changes type again in the same migration, to " + to
                    + " (no migration linted creates " + ctx.sql(a.table()) + ": its type before the migration is not"
                    + " known): this statement may rewrite the table again under its lock", help(ctx, first, to, dialect),
                    null, List.of());
            return;
        }
        String oldType = ctx.schema().column(a.table(), a.column()).map(c -> c.type()).orElse(null);
        SqlType from = SqlType.parse(oldType, dialect);
        if (from == null || to == null || from.equals(to) && a.using() == null
                || dialect == Dialect.POSTGRESQL && !PgTypeChange.classify(oldType, a.definition().type(), a.using(),
                a.column()).rewrites()
                || dialect == Dialect.SQLSERVER && SqlServerTypeChange.metadataOnly(oldType, a.definition().type())) {
            return;
        }
        MySqlOnlineDdl.Verdict mysql = dialect.isMySqlFamily() ? MySqlOnlineDdl.judge(ctx).orElse(null) : null;
        if (mysql != null && mysql.outcome() == MySqlOnlineDdl.Outcome.ONLINE) {
            return; // this step is one the server makes in place (an ENUM appended to, a VARCHAR in its length class)
        }
        // the first change may have been one the server makes in place (so not reported): say what this one does
        String effect = mysql != null ? "on " + DialectNames.of(dialect) + ", " + mysql.effect().note()
                : dialect == Dialect.POSTGRESQL ? "this statement rewrites the table under an ACCESS EXCLUSIVE lock"
                : "this statement rewrites the table under its lock";
        ctx.report(ctx.operation().span(), "column " + column + " changes type again in the same migration, from " + from
                + " to " + to + ": " + effect + " (the application sees one change, the migration's net one)",
                help(ctx, first, to, dialect), null, List.of());
    }

    private static void judge(OperationContext ctx, NetChange.ColumnRetyped r) {
        Dialect dialect = ctx.dialect();
        SqlType to = SqlType.parse(r.now().type(), dialect);
        if (to == null) {
            return; // nothing about the type is said
        }
        String oldType = r.column().type();
        if (oldType == null && r.table().isPresumed()) {
            oldType = statedEarlier(ctx, r.table().name(), r.column().name());
        }
        SqlType from = SqlType.parse(oldType, dialect);
        String using = ctx.operation() instanceof Operation.AlterColumnType a && !r.throughCopy() ? a.using() : null;
        String table = ctx.sql(r.table().name());
        String name = ctx.sql(r.column().name());
        String column = table + "." + name;
        if (r.throughCopy()) {
            if (from == null || from.equals(to)) {
                return; // the copy keeps the type (or what it was is not known): the data is what it was
            }
            ctx.report(ctx.operation().span(), "column " + column + " changes type from " + from + " to " + to
                    + " through a copy (a new column filled from it takes its name in the same migration): the"
                    + " application version still running may not read or write the new type", help(ctx, r, to, dialect),
                    null, List.of());
            return;
        }
        if (from != null && from.equals(to) && using == null) {
            return; // restated, as MODIFY / CHANGE / modifyDataType do
        }
        if (dialect == Dialect.SQLSERVER && SqlServerTypeChange.metadataOnly(oldType, r.now().type())) {
            return; // a longer varchar/nvarchar/varbinary, text to varchar(max): SQL Server touches no row
        }
        if (dialect == Dialect.POSTGRESQL
                && !PgTypeChange.classify(oldType, r.now().type(), using, r.column().name()).rewrites()) {
            return; // a change PostgreSQL makes in the catalog only (measured: see PgLockKnowledge)
        }
        MySqlOnlineDdl.Verdict mysql = dialect.isMySqlFamily() && from != null && ctx.operation() instanceof Operation.AlterColumnType
                ? MySqlOnlineDdl.judge(ctx).orElse(null) : null;
        if (mysql != null && mysql.outcome() == MySqlOnlineDdl.Outcome.ONLINE) {
            return; // a widening the server makes in place, without a copy (VARCHAR in its length class, ENUM/SET appended)
        }
        if (mysql != null && mysql.outcome() == MySqlOnlineDdl.Outcome.REFUSED) {
            ctx.report(ctx.operation().span(), "column " + column + " changes type from " + from + " to " + to + ": "
                    + mysql.refusal(), "Expand and contract instead: add a column of the new type, backfill it in batches,"
                    + " move reads to it, and drop the old one in a later release (or run the change with gh-ost or"
                    + " pt-online-schema-change)", null, List.of());
            return;
        }
        String unknown = r.table().isPresumed() ? " (no migration linted creates " + table + ": its previous type is not known)"
                : " (its previous type is not in the migrations linted)";
        String change = (from == null ? "changes type to " + to + unknown
                : "changes type from " + from + " to " + to) + throughLater(ctx, r, to, dialect);
        String consequence = mysql != null ? "on " + DialectNames.of(dialect) + ", " + mysql.effect().note()
                + "; the application version still running may not read or write the new type"
                : consequence(dialect, from, to);
        ctx.report(ctx.operation().span(), "column " + column + " " + change + ": " + consequence,
                help(ctx, r, to, dialect), null, List.of());
    }

    /**
     * The type an earlier migration of the history gave a column of a table no migration created (a MODIFY or
     * ADD COLUMN on production's table, which the replayed schema does not keep); null when none did, or when the
     * column or table was dropped or renamed since.
     */
    private static String statedEarlier(OperationContext ctx, TableName table, String column) {
        String type = null;
        for (Migration m : ctx.history().migrations()) {
            if (m == ctx.migration()) {
                break;
            }
            for (Operation op : m.operations()) {
                if (op instanceof Operation.AlterColumnType a && table.matches(a.table()) && a.column().equals(column)) {
                    boolean renamed = a.definition().name() != null && !a.definition().name().equals(column);
                    type = renamed ? null : a.definition().type();
                } else if (op instanceof Operation.AddColumn a && table.matches(a.table())
                        && a.column().name().equals(column)) {
                    type = a.column().type();
                } else if (op instanceof Operation.DropColumn d && table.matches(d.table()) && d.column().equals(column)
                        || op instanceof Operation.RenameColumn c && table.matches(c.table())
                        && (c.from().equals(column) || c.to().equals(column))
                        || op instanceof Operation.DropTable d && d.tables().stream().anyMatch(table::matches)
                        || op instanceof Operation.RenameTable t && (table.matches(t.from()) || table.matches(t.to()))) {
                    type = null;
                }
            }
        }
        return type;
    }

    /** When later statements of the migration change the type again: the type this one sets is not the one judged. */
    private static String throughLater(OperationContext ctx, NetChange.ColumnRetyped r, SqlType to, Dialect dialect) {
        if (r.throughCopy() || !(ctx.operation() instanceof Operation.AlterColumnType a)) {
            return "";
        }
        SqlType here = SqlType.parse(a.definition().type(), dialect);
        return here == null || here.equals(to) ? ""
                : " (" + here + " at this statement, " + to + " when the migration commits)";
    }

    private static String help(OperationContext ctx, NetChange.ColumnRetyped r, SqlType to, Dialect dialect) {
        String table = ctx.sql(r.table().name());
        String name = ctx.sql(r.column().name());
        String added = ctx.sql(r.column().name() + "_new");
        String type = r.now().type() == null ? to.toString() : r.now().type();
        return "Expand: ALTER TABLE " + table + " ADD COLUMN " + added + " " + type
                + "; write both columns from the application and backfill " + added + " in batches; move"
                + " reads to it; contract in a later release by dropping " + name
                + (dialect.isMySqlFamily() && !r.throughCopy() ? " (or run the change with an online schema change tool"
                   + " such as gh-ost or pt-online-schema-change)" : "");
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

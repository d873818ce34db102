package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.analyzer.timeline.NetChange;
import dev.lifeguard.rules.DialectNames;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.Spans;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table the application finds under another name when the migration commits. Judged on the net effect: a
 * table renamed away and back, one the migration created, or one rebuilt through a copy under its old name
 * is not renamed for the running application.
 */
@RuleInfo(
        id = "rename-table",
        summary = "Renaming a table in place breaks the application version still running",
        severity = Severity.ERROR,
        tags = {"compatibility", "expand-contract"},
        help = "Create the new table and keep both in sync until no running version uses the old name, or rename it and leave a view under the old name")
public final class RenameTableRule implements Rule {
    private static final Pattern CREATE_VIEW = Pattern.compile(
            "^\\s*create\\s+(?:or\\s+replace\\s+)?view\\s+((?:\"[^\"]+\"|`[^`]+`|[\\w$]+)(?:\\.(?:\"[^\"]+\"|`[^`]+`|[\\w$]+))?)",
            Pattern.CASE_INSENSITIVE);

    @Override
    public void visitOperation(OperationContext ctx) {
        if (ctx.operation() instanceof Operation.RenameSchema r) {
            ctx.report(r.span(), "schema " + r.from() + " is renamed to " + r.to() + " in place: every table in it"
                    + " changes its qualified name, and the application version still running queries " + r.from()
                    + ".<table> (or finds nothing on its search_path)", "Keep the old schema name until no running"
                    + " version uses it: create schema " + r.to() + " and move tables one by one, each with a view"
                    + " left in " + r.from() + " (ALTER TABLE " + r.from() + ".t SET SCHEMA " + r.to()
                    + "; CREATE VIEW " + r.from() + ".t AS SELECT * FROM " + r.to() + ".t;), or put both schemas on"
                    + " the application's search_path first", null, List.of());
            return;
        }
        if (ctx.operation() instanceof Operation.RenameTable r && ctx.dialect().isMySqlFamily()
                && r.from().name().equals(r.to().name()) && !ctx.isNewTable(r.from()) && !leavesView(ctx, r.from())) {
            caseOnly(ctx, r);
        }
        for (NetChange.TableRenamed r : ctx.netChanges(NetChange.TableRenamed.class)) {
            TableName oldName = r.table().name();
            if (ctx.isNewTable(r.table()) || leavesView(ctx, oldName)) {
                continue;
            }
            String from = ctx.sql(oldName);
            String to = ctx.sql(r.to());
            String help = ctx.dialect() == Dialect.POSTGRESQL
                    ? "Rename it and keep the old name as a view in the same transaction: ALTER TABLE " + from
                      + " RENAME TO " + ctx.sql(r.to().name()) + "; CREATE VIEW " + from + " AS SELECT * FROM " + to
                      + "; (a simple view is updatable); drop the view in a later release once no running version uses "
                      + from
                    : "Expand: create " + to + ", write to both tables and backfill " + to + " from " + from
                      + " in batches, move reads to " + to + "; contract in a later release: DROP TABLE " + from;
            String what = "table " + from + ctx.unknownTableNote(r.table()) + " is renamed to " + to + " in place";
            String message = switch (r.nameNow()) {
                case NOTHING -> what + ": the application version still running queries " + from;
                case NEW_EMPTY -> what + " and a new, empty table " + from + " is created in the same migration: the"
                        + " application version still running queries " + from + " and finds none of its rows, and what it"
                        + " writes there never reaches " + to;
                case OTHER -> what + " and another table is renamed to " + from + " in the same migration: the"
                        + " application version still running queries the other table's rows as " + from;
            };
            ctx.report(ctx.operation().span(), message, help, null, List.of());
        }
    }

    /**
     * MySQL/MariaDB: a rename that changes only the letter case ({@code users} to {@code Users}). Names are folded
     * for matching, but on a server with {@code lower_case_table_names=0} (the default on Linux) table names are
     * file names and compare case-sensitively: the running version's {@code users} no longer exists.
     */
    private static void caseOnly(OperationContext ctx, Operation.RenameTable r) {
        dev.lifeguard.analyzer.model.SourceSpan span = r.span();
        String text = ctx.project().source(span.file()).filter(f -> span.hasOffsets() && span.endOffset() <= f.text().length())
                .map(f -> f.text().substring(span.statementStart() >= 0 ? span.statementStart() : span.startOffset(),
                        span.endOffset())).orElse(""); // the whole statement: ALTER TABLE users ... RENAME TO Users
        Matcher m = Pattern.compile("(?<![\\w$])`?(" + Pattern.quote(r.from().name()) + ")`?(?![\\w$])",
                Pattern.CASE_INSENSITIVE).matcher(text);
        List<String> written = new java.util.ArrayList<>();
        while (m.find()) {
            written.add(m.group(1));
        }
        if (written.size() < 2 || written.get(0).equals(written.get(written.size() - 1))) {
            return; // renamed to itself as written: nothing changes
        }
        String from = written.get(0);
        String to = written.get(written.size() - 1);
        String note = ctx.schema().table(r.from()).isPresent() ? "" : " (not created by any migration linted)";
        ctx.report(r.span(), "table " + from + note + " is renamed to " + to + " in place:"
                + " with lower_case_table_names=0 (the default on Linux) " + DialectNames.of(ctx.dialect())
                + " compares table names case-sensitively, so the application version still running queries " + from
                + " and finds no such table", "Keep the name's case, or expand: create " + to + ", write to both"
                + " tables and backfill " + to + " from " + from + " in batches, move reads to " + to + "; contract in a"
                + " later release: DROP TABLE " + from, null, List.of());
    }

    /** The recipe: the same migration creates a view under the old name, so running code keeps working. */
    private static boolean leavesView(OperationContext ctx, TableName oldName) {
        for (Operation later : ctx.laterOperations()) {
            if (later instanceof Operation.Other o && o.kind().contains("VIEW")) {
                String text = Spans.text(o.span(), ctx.project()).orElse("");
                Matcher m = CREATE_VIEW.matcher(text);
                if (m.find() && TableName.parse(m.group(1)).matches(oldName)) {
                    return true;
                }
            }
        }
        return false;
    }
}

package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.Spans;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        if (!(ctx.operation() instanceof Operation.RenameTable r) || ctx.isNewTable(r.from()) || leavesView(ctx, r.from())) {
            return;
        }
        String help = ctx.dialect() == Dialect.POSTGRESQL
                ? "Rename it and keep the old name as a view in the same transaction: ALTER TABLE " + r.from()
                  + " RENAME TO " + r.to().name() + "; CREATE VIEW " + r.from() + " AS SELECT * FROM " + r.to()
                  + "; (a simple view is updatable); drop the view in a later release once no running version uses "
                  + r.from()
                : "Expand: create " + r.to() + ", write to both tables and backfill " + r.to() + " from " + r.from()
                  + " in batches, move reads to " + r.to() + "; contract in a later release: DROP TABLE " + r.from();
        ctx.report(r.span(), "table " + r.from() + " is renamed to " + r.to() + " in place: the application version"
                + " still running queries " + r.from(), help, null, List.of());
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

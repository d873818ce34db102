package dev.lifeguard.rules.code;

import dev.lifeguard.analyzer.code.CodeVersions;
import dev.lifeguard.analyzer.model.NonNullMapping;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.analyzer.timeline.ColumnState;
import dev.lifeguard.rules.RelatedLocation;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A column loses NOT NULL (PostgreSQL's DROP NOT NULL, Liquibase dropNotNullConstraint, a MySQL MODIFY / CHANGE
 * that restates a NOT NULL column without it) while the version running in production maps it to something that
 * cannot hold NULL: a primitive field of a JPA entity (loading a row with NULL there fails), or an attribute
 * declared never null ({@code nullable = false}, {@code optional = false}, {@code @NotNull}). Dropping NOT NULL
 * is an expand step and is not reported by itself: only with that code evidence, from the code index.
 */
@RuleInfo(
        id = "drop-not-null",
        summary = "Dropping NOT NULL from a column the running code maps as never null",
        severity = Severity.WARNING,
        tags = {"compatibility", "expand-contract", "code"},
        help = "Release code that accepts NULL there first (a boxed type such as Integer, no nullable = false / optional = false / @NotNull), then drop NOT NULL in a later release")
public final class DropNotNullRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        if (ctx.project().code().isEmpty()) {
            return;
        }
        TableName table;
        String column;
        if (ctx.operation() instanceof Operation.DropNotNull d) {
            table = d.table();
            column = d.column();
        } else if (ctx.operation() instanceof Operation.AlterColumnType a && a.fullRedefinition()
                && !Boolean.FALSE.equals(a.definition().nullable()) && !a.definition().primaryKey()) {
            table = a.table();
            column = a.column();
        } else {
            return;
        }
        if (table == null || column == null || ctx.isNewTable(table) || !wasNotNull(ctx, table, column)
                || notNullAgainLater(ctx, table, column)) {
            return;
        }
        CodeVersions versions = ctx.codeVersions();
        List<NonNullMapping> mappings = versions.running().nonNullMappingsOf(table, column);
        if (mappings.isEmpty()) {
            return;
        }
        NonNullMapping first = mappings.stream().filter(NonNullMapping::failsOnLoad).findFirst().orElse(mappings.get(0));
        String who = versions.reviewed()
                ? "the version running in production" + versions.runningRevision().map(r -> " (at " + r + ")").orElse("")
                : "the application";
        String where = first.span().file().toString().replace('\\', '/') + ":" + first.span().startLine();
        String message = "column " + ctx.sql(table, column) + " loses NOT NULL, but " + who + " maps it as "
                + first.reason() + " (" + where + ")" + (mappings.size() > 1 ? " (and " + (mappings.size() - 1)
                + " more mapping" + (mappings.size() > 2 ? "s" : "") + ")" : "") + ": " + consequence(first,
                versions.reviewed() ? "the running version" : "the application version still running");
        List<RelatedLocation> related = new ArrayList<>();
        for (NonNullMapping m : mappings) {
            related.add(new RelatedLocation(m.span(), (versions.reviewed() ? "running version: " : "") + m.reason()));
        }
        String help = "Expand first: release code that accepts NULL in " + column + " (" + fix(first) + "), let it replace"
                + " the running version everywhere, then drop NOT NULL in a later release";
        ctx.report(ctx.operation().span(), message, help, null, related);
    }

    private static String consequence(NonNullMapping m, String running) {
        if (m.failsOnLoad()) {
            return "once a row holds NULL there (the new version may write one), loading that row fails in " + running
                    + " (a primitive cannot be set to null)";
        }
        if (m.reason().contains("optional = false")) {
            return "it treats the association as always present, so a row with NULL there can drop out of its queries"
                    + " (an inner join) or fail its checks";
        }
        if (m.reason().contains("nullable = false")) {
            return "it declares the column never NULL: when " + running + " saves such a row's entity again,"
                    + " Hibernate's not-null check (hibernate.check_nullability, on unless Bean Validation is present)"
                    + " rejects it, and its code reading the value meets null";
        }
        return "it assumes the column never holds NULL: when " + running + " saves such a row's entity again, Bean"
                + " Validation rejects it, and its code reading the value meets null";
    }

    private static String fix(NonNullMapping m) {
        int kotlin = m.reason().indexOf("Kotlin ");
        if (m.failsOnLoad() && kotlin >= 0) {
            String type = m.reason().substring(kotlin + 7).split(" ")[0];
            return "a nullable " + type + "? instead of " + type;
        }
        if (m.failsOnLoad()) {
            String type = m.reason().substring(m.reason().lastIndexOf(' ') + 1);
            return "a boxed " + boxed(type) + " instead of " + type;
        }
        String annotation = m.reason().substring(m.reason().indexOf(": ") + 2);
        return "without " + annotation;
    }

    private static String boxed(String primitive) {
        return switch (primitive) {
            case "int" -> "Integer";
            case "char" -> "Character";
            default -> primitive.isEmpty() ? primitive : Character.toUpperCase(primitive.charAt(0)) + primitive.substring(1);
        };
    }

    /** Whether the column is NOT NULL just before (unknown columns of tables the history does not show count). */
    private static boolean wasNotNull(OperationContext ctx, TableName table, String column) {
        Optional<ColumnState> c = ctx.schema().column(table, column);
        return c.isEmpty() || Boolean.FALSE.equals(c.get().nullable());
    }

    /** Whether the same migration makes the column NOT NULL again (the application never sees it nullable). */
    private static boolean notNullAgainLater(OperationContext ctx, TableName table, String column) {
        for (Operation op : ctx.laterOperations()) {
            if (op instanceof Operation.SetNotNull s && table.matches(s.table()) && column.equals(s.column())) {
                return true;
            }
            if (op instanceof Operation.AlterColumnType a && a.fullRedefinition() && table.matches(a.table())
                    && column.equals(a.column()) && Boolean.FALSE.equals(a.definition().nullable())) {
                return true;
            }
        }
        return false;
    }
}

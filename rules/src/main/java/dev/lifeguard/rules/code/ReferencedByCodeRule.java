package dev.lifeguard.rules.code;

import dev.lifeguard.analyzer.code.CodeVersions;
import dev.lifeguard.analyzer.model.CodeReference;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.RelatedLocation;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * A table or column the schema no longer has while application code uses it. In a reviewed change the
 * code that matters first is the version running in production during the deploy (the base revision's,
 * read from git): it meets the new schema the moment the migration commits, even when the change removes
 * its use. The version being deployed is checked too: it runs against the new schema for good.
 */
@RuleInfo(
        id = "referenced-by-code",
        summary = "A dropped or renamed table or column is still referenced by application code",
        severity = Severity.ERROR,
        tags = {"compatibility", "expand-contract", "code"},
        help = "Release code that no longer names it (entities, queries, mappers) first; drop or rename it in a later release")
public final class ReferencedByCodeRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        if (ctx.project().code().isEmpty()) {
            return;
        }
        // The index is asked for only here, for a drop or rename of an existing table: a run without one never builds it.
        Operation op = ctx.operation();
        if (op instanceof Operation.DropTable d) {
            d.tables().forEach(t -> check(ctx, t, null, "table " + t + " is dropped"));
        } else if (op instanceof Operation.RenameTable r) {
            check(ctx, r.from(), null, "table " + r.from() + " is renamed to " + r.to());
        } else if (op instanceof Operation.DropColumn d) {
            check(ctx, d.table(), d.column(), "column " + d.table() + "." + d.column() + " is dropped");
        } else if (op instanceof Operation.RenameColumn r) {
            check(ctx, r.table(), r.from(), "column " + r.table() + "." + r.from() + " is renamed to " + r.to());
        }
    }

    private static void check(OperationContext ctx, TableName table, String column, String what) {
        if (ctx.isNewTable(table)) {
            return;
        }
        CodeVersions versions = ctx.codeVersions();
        List<CodeReference> running = versions.running().referencesTo(table, column);
        List<CodeReference> deploying = versions.reviewed() && versions.deploying() != versions.running()
                ? versions.deploying().referencesTo(table, column) : List.of();
        if (running.isEmpty() && deploying.isEmpty()) {
            return;
        }
        String name = column == null ? table.toString() : table + "." + column;
        String verb = what.contains("renamed") ? "rename" : "drop";
        String message;
        String help;
        List<RelatedLocation> related = new ArrayList<>();
        if (!versions.reviewed()) {
            CodeReference first = running.get(0);
            message = what + " but the application still uses it: " + where(first) + " (" + first.kind().label() + ")"
                    + more(running.size());
            help = "Remove " + (column == null ? table.toString() : column) + " from the code first (" + first.kind().label()
                    + " at " + first.file().getFileName() + ":" + first.line() + "), release that, and " + verb
                    + " it in a later release";
            running.forEach(r -> related.add(new RelatedLocation(r.span(), r.kind().label() + ": " + r.snippet())));
        } else if (!running.isEmpty()) {
            CodeReference first = running.get(0);
            String at = versions.runningRevision().map(s -> " (at " + s + ")").orElse("");
            message = what + " but the version running in production" + at + " " + uses(first) + " " + name + ": "
                    + where(first) + " (" + first.kind().label() + ")" + more(running.size())
                    + (deploying.isEmpty() ? "; it fails the moment the migration commits, while the deploy rolls out"
                       : "; the version being deployed still uses it too");
            help = deploying.isEmpty()
                    ? "Ship the code change that stops using " + name + " first, let it replace the running version"
                      + " everywhere, and " + verb + " it in a later release"
                    : "Remove " + name + " from the code first (" + deploying.get(0).kind().label() + " at "
                      + deploying.get(0).file().getFileName() + ":" + deploying.get(0).line() + "), release that, and "
                      + verb + " it in a later release";
            running.forEach(r -> related.add(new RelatedLocation(r.span(), "running version" + at + ", "
                    + r.kind().label() + ": " + r.snippet())));
            deploying.forEach(r -> related.add(new RelatedLocation(r.span(), "version being deployed, "
                    + r.kind().label() + ": " + r.snippet())));
        } else {
            CodeReference first = deploying.get(0);
            message = what + " but the version being deployed still " + uses(first) + " " + name + ": " + where(first)
                    + " (" + first.kind().label() + ")" + more(deploying.size());
            help = "Remove " + name + " from the code first (" + first.kind().label() + " at " + first.file().getFileName()
                    + ":" + first.line() + "), release that, and " + verb + " it in a later release";
            deploying.forEach(r -> related.add(new RelatedLocation(r.span(), "version being deployed, "
                    + r.kind().label() + ": " + r.snippet())));
        }
        ctx.report(ctx.operation().span(), message, help, null, related);
    }

    private static String uses(CodeReference r) {
        return r.kind() == CodeReference.Kind.JPA_MAPPING ? "maps" : "uses";
    }

    private static String where(CodeReference r) {
        return r.file().toString().replace('\\', '/') + ":" + r.line();
    }

    private static String more(int count) {
        return count > 1 ? " (and " + (count - 1) + " more place" + (count > 2 ? "s" : "") + ")" : "";
    }
}

package dev.lifeguard.rules.code;

import dev.lifeguard.analyzer.model.CodeBase;
import dev.lifeguard.analyzer.model.CodeReference;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.RelatedLocation;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;

@RuleInfo(
        id = "referenced-by-code",
        summary = "A dropped or renamed table or column is still referenced by application code",
        severity = Severity.ERROR,
        tags = {"compatibility", "expand-contract", "code"},
        help = "Release code that no longer names it (entities, queries, mappers) first; drop or rename it in a later release")
public final class ReferencedByCodeRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        CodeBase code = ctx.project().code();
        if (code.isEmpty()) {
            return;
        }
        // The index is asked for only here, for a drop or rename of an existing table: a run without one never builds it.
        Operation op = ctx.operation();
        if (op instanceof Operation.DropTable d) {
            d.tables().forEach(t -> check(ctx, code, t, null, "table " + t + " is dropped"));
        } else if (op instanceof Operation.RenameTable r) {
            check(ctx, code, r.from(), null, "table " + r.from() + " is renamed to " + r.to());
        } else if (op instanceof Operation.DropColumn d) {
            check(ctx, code, d.table(), d.column(), "column " + d.table() + "." + d.column() + " is dropped");
        } else if (op instanceof Operation.RenameColumn r) {
            check(ctx, code, r.table(), r.from(), "column " + r.table() + "." + r.from() + " is renamed to " + r.to());
        }
    }

    private static void check(OperationContext ctx, CodeBase code, TableName table, String column, String what) {
        if (ctx.isNewTable(table)) {
            return;
        }
        List<CodeReference> refs = liveReferences(code.index().referencesTo(table, column));
        if (refs.isEmpty()) {
            return;
        }
        CodeReference first = refs.get(0);
        String more = refs.size() > 1 ? " (and " + (refs.size() - 1) + " more place" + (refs.size() > 2 ? "s" : "") + ")" : "";
        String name = column == null ? table.toString() : column;
        ctx.report(ctx.operation().span(), what + " but the application still uses it: " + first.file().toString()
                        .replace('\\', '/') + ":" + first.line() + " (" + first.kind().label() + ")" + more,
                "Remove " + name + " from the code first (" + first.kind().label() + " at " + first.file().getFileName()
                        + ":" + first.line() + "), release that, and " + (what.contains("renamed") ? "rename" : "drop")
                        + " it in a later release",
                null, refs.stream().map(r -> new RelatedLocation(r.span(), r.kind().label() + ": " + r.snippet())).toList());
    }

    /**
     * The references that still count. Hook for change awareness: a reference only in a file the change
     * under review deletes does not count; the index reads the working tree, where such a file is gone,
     * but a run on staged content must drop references from files deleted in the index here.
     */
    private static List<CodeReference> liveReferences(List<CodeReference> refs) {
        return refs;
    }
}

package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.SqlNames;
import dev.lifeguard.rules.engine.MigrationContext;
import dev.lifeguard.rules.keys.TableKeys;

import java.util.List;

/**
 * PostgreSQL indexes the referenced side of a foreign key (it must be a primary key or unique) but never the
 * referencing side. Without an index leading with the referencing columns, every DELETE of a parent row, and
 * every UPDATE of its key, scans the whole child table to look for references (holding its row lock on the
 * parent meanwhile); ON DELETE CASCADE makes each such scan part of the parent's DELETE.
 *
 * <p>Judged, like every hazard, at the deploy that introduces it: a migration that declares a key is reported
 * when the key has no index once the deploy ends (an index created later in the same migration, the same file
 * written as one piece, the same popx migration or the same reviewed change counts; so does the key being
 * dropped again there). A migration that drops the last index a key used is reported on the drop, unless the
 * same deploy creates a replacement.
 */
@RuleInfo(
        id = "foreign-key-without-index",
        summary = "A foreign key whose referencing columns no index leads with: each delete or key update of a parent row scans the child table",
        severity = Severity.WARNING,
        dialects = {Dialect.POSTGRESQL},
        tags = {"performance", "constraint", "index"},
        help = "Index the referencing columns: CREATE INDEX CONCURRENTLY ON child (fk_col) (inside the same migration when the table is new)")
public final class ForeignKeyWithoutIndexRule implements Rule {

    @Override
    public void visitMigration(MigrationContext ctx) {
        for (UnindexedForeignKeys.Report r : UnindexedForeignKeys.of(ctx.history(), ctx.dialect())
                .reportsFor(ctx.migration())) {
            if (r.answeredBy() != null && ctx.deployedWithLater(r.answeredBy())) {
                continue; // indexed (or dropped) before the deploy ends
            }
            TableKeys.Key k = r.key();
            String cols = String.join(", ", k.columns());
            if (r.cause() == UnindexedForeignKeys.Cause.DECLARED) {
                report(ctx, r.span(), "foreign key " + r.child() + " (" + cols + ") -> " + (k.parent() == null
                        ? "its parent" : k.parent()) + " has no index leading with " + cols, r, help(r.child(),
                        k.columns(), ctx.isNewTable(r.child())));
            } else {
                report(ctx, r.span(), "this drops the last index leading with " + cols + ", which foreign key "
                        + r.child() + " (" + cols + ") -> " + k.parent() + " uses", r, "Keep an index leading with ("
                        + cols + "), or create its replacement first: " + help(r.child(), k.columns(), false));
            }
        }
    }

    private static void report(MigrationContext ctx, SourceSpan span, String what, UnindexedForeignKeys.Report r,
                               String help) {
        TableKeys.Key key = r.key();
        String parent = key.parent() == null ? "the parent table" : SqlNames.table(key.parent());
        TableKeys.Key skip = r.laterColumns();
        String skipScan = "";
        if (skip != null) {
            int first = key.columns().stream().mapToInt(c -> skip.columns().indexOf(c)).min().orElse(0);
            skipScan = " (" + skip.describe() + " has them after " + String.join(", ", skip.columns().subList(0, first))
                    + ": PostgreSQL 18+ can skip-scan it, which is fast only while those columns have few distinct"
                    + " values)";
        }
        ctx.report(span, what + ": every DELETE from " + parent + ", and every update of its referenced key, scans"
                + " all of " + r.child() + " to find references" + skipScan, help, null, List.of());
    }

    private static String help(TableName child, List<String> columns, boolean newTable) {
        String index = child.name() + "_" + String.join("_", columns) + "_idx";
        String create = "CREATE INDEX " + (newTable ? "" : "CONCURRENTLY ") + SqlNames.ident(index) + " ON "
                + SqlNames.table(child) + " (" + SqlNames.columns(columns) + ");";
        return newTable
                ? create + " in this migration, right after the table is created (it is empty, so a plain"
                  + " CREATE INDEX is instant)"
                : create + " in its own migration that runs outside a transaction (CONCURRENTLY refuses one)";
    }
}

package dev.lifeguard.rules.integrity;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL parses a column's own {@code REFERENCES parent (id)} and ignores it: no foreign key is created, and
 * no warning says so (MySQL 8.4 manual, 15.1.20.5 "FOREIGN KEY Constraints": "MySQL parses but ignores
 * inline REFERENCES specifications"). MySQL 9.0 creates it; MariaDB creates it (measured on 10.11: the
 * column's REFERENCES adds a foreign key, with a table copy).
 */
@RuleInfo(
        id = "inline-references-ignored",
        summary = "A column's inline REFERENCES creates no foreign key on MySQL before 9.0",
        severity = Severity.WARNING,
        dialects = {Dialect.MYSQL},
        tags = {"integrity", "constraint"},
        help = "Declare the key as a table constraint: CONSTRAINT <name> FOREIGN KEY (<column>) REFERENCES <parent> (<id>)")
public final class InlineReferencesIgnoredRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        Operation op = ctx.operation();
        if (ctx.targetVersion().atLeast(9, 0) || !writtenAsSql(op)) {
            return; // Liquibase's own change types write a separate FOREIGN KEY clause
        }
        if (op instanceof Operation.CreateTable c) {
            c.columns().stream().filter(col -> col.references() != null)
                    .forEach(col -> report(ctx, op, c.table(), col, "ALTER TABLE " + c.table() + " ADD CONSTRAINT "));
        } else if (op instanceof Operation.AddColumn a && a.column().references() != null) {
            report(ctx, op, a.table(), a.column(), "ALTER TABLE " + a.table() + " ADD CONSTRAINT ");
        } else if (op instanceof Operation.AlterColumnType t && t.definition().references() != null) {
            report(ctx, op, t.table(), t.definition(), "ALTER TABLE " + t.table() + " ADD CONSTRAINT ");
        }
    }

    private static void report(OperationContext ctx, Operation op, TableName table, ColumnDef col, String alter) {
        String name = "fk_" + table.name() + "_" + col.name();
        ctx.report(at(ctx, op, col), "column " + table + "." + col.name() + " declares REFERENCES " + col.references()
                + " inline: MySQL " + (ctx.targetVersion().parts().isEmpty() ? "" : "(target " + ctx.targetVersion()
                + ") ") + "parses it and silently ignores it, so no foreign key exists and nothing stops orphaned rows;"
                + " only MySQL 9.0+ and MariaDB create it", "Declare it as a table constraint: " + alter + name
                + " FOREIGN KEY (" + col.name() + ") REFERENCES " + col.references() + " (<id>) (in CREATE TABLE: a"
                + " separate CONSTRAINT " + name + " FOREIGN KEY ... line)", null, List.of());
    }

    private static boolean writtenAsSql(Operation op) {
        return op.span().file().toString().toLowerCase(Locale.ROOT).endsWith(".sql");
    }

    /** The REFERENCES of this column in the statement's text, else the statement. */
    private static SourceSpan at(OperationContext ctx, Operation op, ColumnDef col) {
        SourceSpan span = op.span();
        SourceFile file = ctx.project().source(span.file()).orElse(null);
        if (file == null || !span.hasOffsets() || span.endOffset() > file.text().length()) {
            return span;
        }
        String text = file.text().substring(span.startOffset(), span.endOffset());
        Matcher column = Pattern.compile("(?i)(^|[\\s,(])[`\"]?" + Pattern.quote(col.name()) + "[`\"]?\\s").matcher(text);
        if (!column.find()) {
            return span;
        }
        int ref = text.toUpperCase(Locale.ROOT).indexOf("REFERENCES", column.end());
        return ref < 0 ? span : file.span(span.startOffset() + ref, span.startOffset() + ref + "REFERENCES".length());
    }
}

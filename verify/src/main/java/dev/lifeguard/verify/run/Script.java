package dev.lifeguard.verify.run;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.analyzer.sql.SqlParser;
import dev.lifeguard.rules.Operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statements of a SQL region (a migration file, an up or down section, an undo file) as the database gets
 * them: the exact text of each, where it is written, and the table it is about (to measure a statement that
 * runs outside a transaction).
 */
public record Script(List<Step> steps) {

    /** One statement. {@code table} is null when it names none; {@code transactionControl} for BEGIN / COMMIT. */
    public record Step(SourceSpan span, String sql, TableName table, boolean transactionControl, boolean nonTransactional) {
    }

    private static final java.util.Map<Dialect, SqlParser> PARSERS = new java.util.concurrent.ConcurrentHashMap<>();

    public Script {
        steps = List.copyOf(steps);
    }

    /**
     * The statements of {@code region} of its file, or of the operations' own statements when the region is
     * the whole file of a layout with sections (dbmate): they are the migration's statements either way.
     */
    public static Script of(Project project, SourceSpan region, List<Operation> operations) {
        return of(project, region, operations, Dialect.POSTGRESQL);
    }

    /** As {@link #of(Project, SourceSpan, List)}, split as {@code dialect} splits statements (MariaDB: backticks, #). */
    public static Script of(Project project, SourceSpan region, List<Operation> operations, Dialect dialect) {
        SqlParser parser = PARSERS.computeIfAbsent(dialect, SqlParser::new);
        SourceFile file = project.source(region.file()).orElse(null);
        if (file == null) {
            return new Script(List.of());
        }
        int start = region.hasOffsets() ? region.startOffset() : 0;
        int end = region.hasOffsets() ? region.endOffset() : file.text().length();
        if (!operations.isEmpty() && operations.get(0).span().hasOffsets()) {
            // dbmate's migration span is the whole file; its statements are those of the up section
            start = Math.max(start, operations.stream().mapToInt(o -> o.span().statementStart()).min().orElse(start));
            end = Math.min(end, operations.stream().mapToInt(o -> o.span().endOffset()).max().orElse(end));
        }
        List<Step> steps = new ArrayList<>();
        for (SourceSpan statement : parser.statements(file, start, end)) {
            List<Operation> ops = operations.stream()
                    .filter(o -> o.span().hasOffsets() && o.span().statementStart() == statement.startOffset()).toList();
            TableName table = ops.stream().flatMap(o -> Operations.tables(o).stream()).findFirst().orElse(null);
            boolean control = ops.stream().anyMatch(o -> o instanceof Operation.TransactionControl);
            String sql = file.text().substring(statement.startOffset(), statement.endOffset());
            boolean nonTransactional = ops.stream().anyMatch(Script::nonTransactional)
                    || sql.toUpperCase(Locale.ROOT).matches("(?s)\\s*(VACUUM|CREATE\\s+DATABASE|DROP\\s+DATABASE|ALTER\\s+SYSTEM)\\b.*");
            steps.add(new Step(statement, sql, table, control, nonTransactional));
        }
        return new Script(steps);
    }

    private static boolean nonTransactional(Operation op) {
        return op instanceof Operation.CreateIndex c && c.concurrently()
                || op instanceof Operation.DropIndex d && d.concurrently()
                || op instanceof Operation.Reindex r && r.concurrently()
                || op instanceof Operation.Vacuum;
    }

    public boolean hasTransactionControl() {
        return steps.stream().anyMatch(Step::transactionControl);
    }

    public boolean hasNonTransactional() {
        return steps.stream().anyMatch(Step::nonTransactional);
    }
}

package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads SQL into operations: splits statements (keeping exact spans), reads DDL, transaction control,
 * settings and maintenance statements with a token-level reader, queries and data changes with JSqlParser;
 * a statement nobody can read becomes {@link Operation.Unparsed}. Never throws on bad input.
 */
public final class SqlParser {
    /** Upper bound on JSqlParser's time for one statement; pathological input must not stall a lint run. */
    private static final long STATEMENT_TIMEOUT_MILLIS = 3_000;

    private final Dialect dialect;
    private final StatementSplitter splitter;
    private final StatementReader reader;
    private final JSqlTranslator translator;

    public SqlParser(Dialect dialect) {
        this.dialect = dialect == null ? Dialect.GENERIC : dialect;
        this.splitter = new StatementSplitter(this.dialect);
        this.reader = new StatementReader(this.dialect);
        this.translator = new JSqlTranslator(this.dialect, STATEMENT_TIMEOUT_MILLIS);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Parses the whole file. */
    public List<Operation> parse(SourceFile file) {
        return parse(file, 0, file.text().length());
    }

    /** Parses the statements in [start, end) of the file; spans point into the file. */
    public List<Operation> parse(SourceFile file, int start, int end) {
        String text = file.text();
        int from = Math.max(0, Math.min(start, text.length()));
        int to = Math.max(from, Math.min(end, text.length()));
        List<Operation> ops = new ArrayList<>();
        for (Chunk chunk : splitter.split(text, from, to)) {
            ops.addAll(read(text, chunk, file.span(chunk.statementStart(), chunk.statementEnd()),
                    (s, e) -> file.span(s, e).withinStatementAt(chunk.statementStart())));
        }
        return ops;
    }

    /**
     * The statements in [start, end) of the file, each as the span from its first token to the end of its last
     * (terminator excluded), in order: what a runner sends to the database one at a time.
     */
    public List<SourceSpan> statements(SourceFile file, int start, int end) {
        String text = file.text();
        int from = Math.max(0, Math.min(start, text.length()));
        int to = Math.max(from, Math.min(end, text.length()));
        List<SourceSpan> spans = new ArrayList<>();
        for (Chunk chunk : splitter.split(text, from, to)) {
            spans.add(file.span(chunk.statementStart(), chunk.statementEnd()));
        }
        return spans;
    }

    /**
     * Parses SQL that does not stand verbatim in a file (Liquibase {@code <sql>} after XML decoding, SQL
     * Liquibase generated); every operation gets the span {@code at}.
     */
    public List<Operation> parseDetached(String sql, SourceSpan at) {
        List<Operation> ops = new ArrayList<>();
        if (sql == null) {
            return ops;
        }
        for (Chunk chunk : splitter.split(sql)) {
            ops.addAll(read(sql, chunk, at, (s, e) -> at));
        }
        return ops;
    }

    private List<Operation> read(String text, Chunk chunk, SourceSpan span, ClauseSpans clauseSpans) {
        String sql = chunk.text(text);
        try {
            List<Token> tokens = Lexer.tokens(text, dialect, chunk.statementStart(), chunk.statementEnd());
            if (tokens.isEmpty()) {
                return List.of();
            }
            List<Operation> ops;
            try {
                ops = reader.read(text, tokens, span, clauseSpans);
            } catch (ReadException e) {
                return List.of(new Operation.Unparsed(span, sql, e.getMessage()));
            }
            if (ops != null) {
                return ops;
            }
            try {
                return translator.read(sql, span);
            } catch (ReadException e) {
                Operation dataChange = DataChangeReader.read(new TokenCursor(text, tokens), span);
                return List.of(dataChange != null ? dataChange : new Operation.Unparsed(span, sql, e.getMessage()));
            }
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in a reader must cost one statement, not the file.
            return List.of(new Operation.Unparsed(span, sql, "statement not recognised (" + e.getClass().getSimpleName() + ")"));
        }
    }
}

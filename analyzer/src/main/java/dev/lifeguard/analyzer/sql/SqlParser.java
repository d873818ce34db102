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
    /**
     * Upper bound on the time spent on the statements of one file (README, "Limits"): thirty pathological
     * statements must not cost thirty times the statement bound. Statements after it are one note.
     */
    public static final long FILE_BUDGET_MILLIS = 10_000;

    private final Dialect dialect;
    private final StatementSplitter splitter;
    private final StatementReader reader;
    private final JSqlTranslator translator;
    /**
     * The time spent reading each file's statements so far, in milliseconds (a changelog is read in pieces): the
     * budget counts time spent on the file, not time since it was first read, so a long-lived parser (a test
     * suite, a server) reading the same path again later starts from what that file really cost.
     */
    private final java.util.Map<java.nio.file.Path, java.util.concurrent.atomic.AtomicLong> spent =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final long budgetMillis;

    public SqlParser(Dialect dialect) {
        this(dialect, FILE_BUDGET_MILLIS);
    }

    /** A parser with another time budget per file (tests of the budget). */
    public SqlParser(Dialect dialect, long budgetMillis) {
        this.budgetMillis = budgetMillis;
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
        java.util.concurrent.atomic.AtomicLong used = spent(file.path());
        List<Chunk> chunks = splitter.split(text, from, to);
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            long left = budgetMillis - used.get();
            if (left <= 0) {
                ops.add(outOfTime(file, chunk, chunks.get(chunks.size() - 1), chunks.size() - i));
                break;
            }
            long started = System.nanoTime();
            ops.addAll(read(text, chunk, file.span(chunk.statementStart(), chunk.statementEnd()),
                    (s, e) -> file.span(s, e).withinStatementAt(chunk.statementStart()), left));
            used.addAndGet((System.nanoTime() - started) / 1_000_000);
        }
        return ops;
    }

    private java.util.concurrent.atomic.AtomicLong spent(java.nio.file.Path file) {
        return spent.computeIfAbsent(file, f -> new java.util.concurrent.atomic.AtomicLong());
    }

    /** The statements left when a file's budget ran out: one note over all of them, not one per statement. */
    private static Operation outOfTime(SourceFile file, Chunk first, Chunk last, int count) {
        SourceSpan span = file.span(first.statementStart(), Math.max(first.statementStart(), last.statementEnd()));
        return new Operation.Unparsed(span, first.text(file.text()), "the time limit for one file ("
                + FILE_BUDGET_MILLIS / 1000 + " s) ran out before this statement"
                + (count == 1 ? "" : " and the " + (count - 1) + " after it"));
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
        java.util.concurrent.atomic.AtomicLong used = spent(at.file());
        for (Chunk chunk : splitter.split(sql)) {
            long left = budgetMillis - used.get();
            if (left <= 0) {
                ops.add(new Operation.Unparsed(at, chunk.text(sql), "the time limit for one file ("
                        + FILE_BUDGET_MILLIS / 1000 + " s) ran out before this statement and those after it"));
                break;
            }
            long started = System.nanoTime();
            ops.addAll(read(sql, chunk, at, (s, e) -> at, left));
            used.addAndGet((System.nanoTime() - started) / 1_000_000);
        }
        return ops;
    }

    private List<Operation> read(String text, Chunk chunk, SourceSpan span, ClauseSpans clauseSpans, long millisLeft) {
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
            Operation plain = DataChangeReader.readPlain(new TokenCursor(text, tokens), span);
            if (plain != null) {
                return List.of(plain);
            }
            try {
                return translator.read(sql, span, Math.min(STATEMENT_TIMEOUT_MILLIS, millisLeft));
            } catch (ReadException e) {
                Operation dataChange = DataChangeReader.read(new TokenCursor(text, tokens), span);
                return List.of(dataChange != null ? dataChange : new Operation.Unparsed(span, sql, e.getMessage()));
            }
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in a reader must cost one statement, not the file.
            return List.of(new Operation.Unparsed(span, sql, "statement not recognised (" + dev.lifeguard.analyzer.Failures.describe(e) + ")"));
        }
    }
}

package dev.lifeguard.analyzer.sql;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lifeguard.analyzer.FuzzChecks;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzz targets for the SQL side: the statement splitter with the lexer, and the statement readers (DDL
 * by tokens, the rest by JSqlParser). In a normal build they run their seeds ({@code SqlFuzzTestInputs/});
 * with {@code JAZZER_FUZZ=1} one target is fuzzed (README, "Fuzzing").
 */
class SqlFuzzTest {
    private static final Path FILE = Path.of("V1__fuzz.sql");

    /** Statements are ordered, disjoint and inside the text; every token of one lies inside it. */
    @FuzzTest(maxDuration = "10m")
    void splitterAndLexer(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (Dialect dialect : List.of(Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.SQLSERVER)) {
            int previousEnd = 0;
            for (Chunk chunk : new StatementSplitter(dialect).split(text)) {
                if (chunk.commentStart() < previousEnd || chunk.statementStart() < chunk.commentStart()
                        || chunk.statementEnd() < chunk.statementStart() || chunk.statementEnd() > text.length()) {
                    throw new AssertionError(dialect + ": chunk out of order or outside the text: " + chunk);
                }
                previousEnd = chunk.statementEnd();
                for (Token token : Lexer.tokens(text, dialect, chunk.statementStart(), chunk.statementEnd())) {
                    if (token.start() < chunk.statementStart() || token.end() > chunk.statementEnd()
                            || token.end() < token.start()) {
                        throw new AssertionError(dialect + ": token " + token + " outside its statement " + chunk);
                    }
                }
            }
        }
    }

    /** Every statement becomes operations whose spans lie in the file; what cannot be read says why, in a line. */
    @FuzzTest(maxDuration = "10m")
    void statementReaders(byte[] input) {
        SourceFile file = new SourceFile(FILE, new String(input, StandardCharsets.UTF_8));
        for (Dialect dialect : List.of(Dialect.POSTGRESQL, Dialect.MYSQL)) {
            for (Operation op : new SqlParser(dialect).parse(file)) {
                FuzzChecks.spanInside(op.span(), file);
                if (op instanceof Operation.Unparsed u) {
                    FuzzChecks.message(u.reason());
                }
            }
        }
    }
}

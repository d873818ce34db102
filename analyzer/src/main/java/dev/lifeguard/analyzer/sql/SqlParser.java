package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;

import java.util.List;

/**
 * Reads SQL into operations: splits statements (keeping exact spans), parses each with JSqlParser, and
 * falls back to a token-level reader; a statement nobody can read becomes {@link Operation.Unparsed}.
 * Never throws on bad input.
 */
public final class SqlParser {
    private final Dialect dialect;

    public SqlParser(Dialect dialect) {
        this.dialect = dialect;
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
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Parses SQL that does not stand verbatim in a file (Liquibase {@code <sql>} after XML decoding, SQL
     * Liquibase generated); every operation gets the span {@code at}.
     */
    public List<Operation> parseDetached(String sql, SourceSpan at) {
        throw new UnsupportedOperationException("not yet");
    }
}

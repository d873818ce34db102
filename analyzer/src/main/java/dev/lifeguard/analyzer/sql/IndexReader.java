package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads CREATE INDEX and DROP INDEX. Done by hand because JSqlParser takes the CONCURRENTLY of
 * {@code DROP INDEX CONCURRENTLY idx} for the index name, and rules live on that keyword.
 */
final class IndexReader {
    private final SourceSpan span;

    IndexReader(SourceSpan span) {
        this.span = span;
    }

    /** Reads from just after {@code CREATE}, at the modifiers before {@code INDEX}. */
    List<Operation> create(TokenCursor c) throws ReadException {
        boolean unique = false;
        String kind = null;
        while (!c.accept("INDEX")) {
            unique |= c.isWord("UNIQUE");
            if (c.isWord("FULLTEXT") || c.isWord("SPATIAL")) {
                kind = c.peek().upper(); // MySQL: CREATE FULLTEXT INDEX
            }
            c.next();
        }
        boolean concurrently = c.accept("CONCURRENTLY");
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        String name = null;
        if (!c.isWord("ON")) {
            name = TableName.parse(c.qualifiedName()).name();
        }
        ConstraintReader.indexType(c);
        c.expect("ON");
        c.accept("ONLY");
        TableName table = TableName.parse(c.qualifiedName());
        ConstraintReader.indexType(c);
        List<String> columns = ConstraintReader.columnList(c);
        OnlineOptions online = new OnlineOptions();
        while (!c.atEnd()) {
            if (!online.read(c)) {
                c.skipItem(); // INCLUDE, WITH, WHERE, TABLESPACE, index options
            }
        }
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation.CreateIndex(span, name, table, columns, unique, concurrently, ifNotExists,
                online.algorithm, online.lock, kind));
        return ops;
    }

    /** Reads from just after {@code DROP INDEX}. */
    List<Operation> drop(TokenCursor c) throws ReadException {
        boolean concurrently = c.accept("CONCURRENTLY");
        boolean ifExists = c.accept("IF", "EXISTS");
        List<String> names = new ArrayList<>();
        names.add(TableName.parse(c.qualifiedName()).name());
        while (c.acceptSymbol(",")) {
            names.add(TableName.parse(c.qualifiedName()).name());
        }
        TableName table = null;
        if (c.accept("ON")) {
            table = TableName.parse(c.qualifiedName());
        }
        OnlineOptions online = new OnlineOptions();
        boolean cascade = false;
        while (!c.atEnd()) {
            if (c.accept("CASCADE")) {
                cascade = true;
            } else if (!online.read(c) && !c.accept("RESTRICT")) {
                throw c.unexpected("unrecognised DROP INDEX option");
            }
        }
        String algorithm = online.algorithm;
        String lock = online.lock;
        List<Operation> ops = new ArrayList<>();
        for (String name : names) {
            ops.add(new Operation.DropIndex(span, name, table, concurrently, ifExists, cascade));
        }
        if (table != null && (algorithm != null || lock != null)) {
            ops.add(new Operation.OnlineDdlOptions(span, table, algorithm, lock));
        }
        return ops;
    }

    /** MySQL's ALGORITHM= and LOCK= clauses of CREATE / DROP INDEX, in any order among the other options. */
    private static final class OnlineOptions {
        private String algorithm;
        private String lock;

        /** Reads one ALGORITHM= or LOCK= clause at the cursor; false when the next item is something else. */
        boolean read(TokenCursor c) throws ReadException {
            if (c.accept("ALGORITHM")) {
                c.acceptSymbol("=");
                algorithm = c.next().text().toUpperCase(Locale.ROOT);
                return true;
            }
            if (c.accept("LOCK")) {
                c.acceptSymbol("=");
                lock = c.next().text().toUpperCase(Locale.ROOT);
                return true;
            }
            return false;
        }
    }
}

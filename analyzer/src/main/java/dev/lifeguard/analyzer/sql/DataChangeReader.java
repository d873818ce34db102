package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Operation.DataChangeKind;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;

/**
 * A last resort for INSERT / UPDATE / DELETE / REPLACE that JSqlParser cannot read (vendor syntax in
 * the value expressions): rules only need the table and whether there is a WHERE, and those sit in
 * fixed places. Returns null when the statement does not have the shape of a data change.
 */
final class DataChangeReader {
    private DataChangeReader() {
    }

    /** Words that may stand where a plain statement has its table: a statement with one is left to JSqlParser. */
    private static final java.util.Set<String> NOT_A_TABLE = java.util.Set.of("LOW_PRIORITY", "QUICK", "IGNORE", "ONLY",
            "TOP", "OR", "ALL", "FIRST", "OVERWRITE", "SET", "WHERE", "FROM", "INTO", "USING", "VALUES", "SELECT");
    /** What follows the table of a plain INSERT. */
    private static final java.util.Set<String> INSERT_BODY = java.util.Set.of("VALUES", "SELECT", "DEFAULT", "OVERRIDING",
            "WITH");

    /**
     * The plain shapes of a data change, read without JSqlParser, which costs a data-heavy history most of its
     * parse time: {@code DELETE FROM t [[AS] a] [USING|WHERE|RETURNING ...]},
     * {@code INSERT INTO t [(columns)] VALUES|SELECT|DEFAULT VALUES ...}. The result is what reading the statement
     * with JSqlParser gives (its table, and a WHERE of the statement itself; an INSERT has none), or what
     * {@link #read} gives where JSqlParser cannot read it: {@code DataChangeReaderTest} checks both on every data
     * change of the corpus. Null for any other shape, which JSqlParser then reads; an UPDATE too, whose assignments
     * are kept as JSqlParser writes their expressions.
     */
    static Operation readPlain(TokenCursor c, SourceSpan span) {
        try {
            DataChangeKind kind;
            if (c.accept("DELETE", "FROM")) {
                kind = DataChangeKind.DELETE;
            } else if (c.accept("INSERT", "INTO")) {
                kind = DataChangeKind.INSERT;
            } else {
                return null;
            }
            if (c.atEnd() || NOT_A_TABLE.contains(c.peek().upper())) {
                return null;
            }
            TableName table = TableName.parse(c.qualifiedName());
            if (kind == DataChangeKind.INSERT) {
                if (c.isSymbol("(") || (!c.atEnd() && INSERT_BODY.contains(c.peek().upper()))) {
                    return new Operation.DataChange(span, kind, table, false);
                }
                return null;
            }
            // an alias, then the end, USING, WHERE or RETURNING
            if (!deleteGoesOn(c)) {
                c.accept("AS");
                if (c.atEnd() || c.peek().isSymbol("(") || NOT_A_TABLE.contains(c.peek().upper())) {
                    return null;
                }
                c.identifier();
            }
            if (!deleteGoesOn(c)) {
                return null;
            }
            boolean where = false;
            while (!c.atEnd()) {
                where |= c.isWord("WHERE");
                c.skipItem();
            }
            return new Operation.DataChange(span, kind, table, where);
        } catch (ReadException e) {
            return null;
        }
    }

    private static boolean deleteGoesOn(TokenCursor c) {
        return c.atEnd() || c.isWord("WHERE") || c.isWord("USING") || c.isWord("RETURNING");
    }

    static Operation read(TokenCursor c, SourceSpan span) {
        try {
            DataChangeKind kind;
            if (c.accept("UPDATE")) {
                kind = DataChangeKind.UPDATE;
                c.accept("LOW_PRIORITY");
                c.accept("IGNORE");
                c.accept("ONLY");
            } else if (c.accept("DELETE")) {
                kind = DataChangeKind.DELETE;
                c.accept("LOW_PRIORITY");
                c.accept("QUICK");
                c.accept("IGNORE");
                c.expect("FROM");
                c.accept("ONLY");
            } else if (c.accept("INSERT") || c.accept("REPLACE")) {
                kind = c.at(0).isWord("INSERT") ? DataChangeKind.INSERT : DataChangeKind.UPSERT;
                c.accept("IGNORE");
                c.expect("INTO");
            } else {
                return null;
            }
            TableName table = TableName.parse(c.qualifiedName());
            if (kind == DataChangeKind.UPDATE) {
                while (!c.atEnd() && !c.isWord("SET")) {
                    c.next(); // alias
                }
                c.expect("SET");
            }
            boolean where = false;
            while (!c.atEnd()) {
                where |= c.isWord("WHERE");
                c.skipItem();
            }
            return new Operation.DataChange(span, kind, table, where);
        } catch (ReadException e) {
            return null;
        }
    }
}

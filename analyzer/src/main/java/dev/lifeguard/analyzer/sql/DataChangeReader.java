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

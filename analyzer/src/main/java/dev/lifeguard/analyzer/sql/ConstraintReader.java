package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Identifiers;
import dev.lifeguard.analyzer.model.TableName;

import java.util.ArrayList;
import java.util.List;

/** Reads table constraints ({@code [CONSTRAINT n] PRIMARY KEY / UNIQUE / FOREIGN KEY / CHECK / EXCLUDE}). */
final class ConstraintReader {
    private ConstraintReader() {
    }

    /** Whether the cursor is on the start of a table constraint. */
    static boolean startsConstraint(TokenCursor c) {
        return c.isWord("CONSTRAINT") || c.isWord("PRIMARY") || c.isWord("UNIQUE") || c.isWord("FOREIGN")
                || c.isWord("CHECK") || c.isWord("EXCLUDE") || notNullConstraint(c);
    }

    /** PostgreSQL 18's table constraint {@code NOT NULL col} (a column can't be named NOT). */
    private static boolean notNullConstraint(TokenCursor c) {
        return c.isWord("NOT") && c.peek(1) != null && c.peek(1).isWord("NULL") && c.peek(2) != null
                && c.peek(2).isIdentifier();
    }

    static ConstraintDef read(TokenCursor c) throws ReadException {
        String name = null;
        if (c.accept("CONSTRAINT")) {
            if (!startsKind(c)) {
                name = Identifiers.normalize(c.identifier());
            }
        }
        ConstraintDef.Kind kind;
        List<String> columns = List.of();
        TableName referenced = null;
        List<String> referencedColumns = List.of();
        String check = null;
        String usingIndex = null;
        if (c.accept("PRIMARY", "KEY") || c.accept("UNIQUE")) {
            kind = c.at(c.index() - 1).isWord("KEY") ? ConstraintDef.Kind.PRIMARY_KEY : ConstraintDef.Kind.UNIQUE;
            if (!c.accept("KEY")) {
                c.accept("INDEX");
            }
            c.accept("NULLS", "NOT", "DISTINCT");
            c.accept("NULLS", "DISTINCT");
            if (c.accept("USING", "INDEX")) {
                usingIndex = Identifiers.normalize(c.identifier());
            } else {
                if (!c.isSymbol("(") && !c.isWord("USING")) {
                    String indexName = Identifiers.normalize(c.identifier()); // MySQL: UNIQUE KEY name (cols)
                    name = name == null ? indexName : name;
                }
                indexType(c);
                columns = columnList(c);
            }
        } else if (c.accept("FOREIGN", "KEY")) {
            kind = ConstraintDef.Kind.FOREIGN_KEY;
            if (!c.isSymbol("(")) {
                String indexName = Identifiers.normalize(c.identifier());
                name = name == null ? indexName : name;
            }
            columns = columnList(c);
            c.expect("REFERENCES");
            referenced = TableName.parse(c.qualifiedName());
            if (c.isSymbol("(")) {
                referencedColumns = columnList(c);
            }
        } else if (c.accept("CHECK")) {
            kind = ConstraintDef.Kind.CHECK;
            check = c.parenthesised();
        } else if (notNullConstraint(c)) {
            c.expect("NOT", "NULL");
            kind = ConstraintDef.Kind.NOT_NULL; // PostgreSQL 18: CONSTRAINT n NOT NULL col [NO INHERIT] [NOT VALID]
            columns = List.of(Identifiers.normalize(c.identifier()));
        } else if (c.accept("EXCLUDE")) {
            kind = ConstraintDef.Kind.EXCLUDE;
            while (!c.atEnd() && !c.isWord("NOT") && !c.isWord("DEFERRABLE") && !c.isWord("INITIALLY")) {
                c.skipItem();
            }
        } else {
            throw c.unexpected("unrecognised constraint");
        }
        boolean notValid = trailingOptions(c);
        return new ConstraintDef(name, kind, columns, referenced, check, notValid, usingIndex, referencedColumns);
    }

    private static boolean startsKind(TokenCursor c) {
        return c.isWord("PRIMARY") || c.isWord("UNIQUE") || c.isWord("FOREIGN") || c.isWord("CHECK")
                || c.isWord("EXCLUDE") || notNullConstraint(c);
    }

    /** The options after a constraint; returns whether NOT VALID was among them. */
    private static boolean trailingOptions(TokenCursor c) throws ReadException {
        boolean notValid = false;
        while (!c.atEnd()) {
            if (c.accept("NOT", "VALID") || c.accept("NOT", "ENFORCED")) {
                notValid = true; // NOT ENFORCED (PostgreSQL 18, MySQL 8.0.16 CHECK) checks no row either
            } else if (c.accept("NO", "INHERIT") || c.accept("DEFERRABLE") || c.accept("NOT", "DEFERRABLE")
                    || c.accept("INITIALLY", "DEFERRED") || c.accept("INITIALLY", "IMMEDIATE")
                    || c.accept("ENFORCED")) {
                continue;
            } else if (c.accept("MATCH")) {
                c.next();
            } else if (c.accept("ON")) {
                onAction(c);
            } else if (c.accept("USING", "INDEX", "TABLESPACE") || c.accept("COMMENT")) {
                c.next();
            } else if (c.accept("INCLUDE") || c.accept("WITH")) {
                c.parenthesised();
            } else if (c.isWord("USING") || c.isWord("KEY_BLOCK_SIZE")) {
                indexType(c);
                if (c.accept("KEY_BLOCK_SIZE")) {
                    c.acceptSymbol("=");
                    c.next();
                }
            } else if (c.accept("VISIBLE") || c.accept("INVISIBLE")) {
                continue;
            } else {
                break;
            }
        }
        return notValid;
    }

    /** FK options after REFERENCES t (cols): MATCH, ON DELETE/UPDATE, deferrability. */
    static void referenceOptions(TokenCursor c) throws ReadException {
        while (!c.atEnd()) {
            if (c.accept("MATCH")) {
                c.next();
            } else if (c.isWord("ON") && c.peek(1) != null
                    && (c.peek(1).isWord("DELETE") || c.peek(1).isWord("UPDATE"))) {
                c.next();
                onAction(c);
            } else if (!(c.accept("DEFERRABLE") || c.accept("NOT", "DEFERRABLE")
                    || c.accept("INITIALLY", "DEFERRED") || c.accept("INITIALLY", "IMMEDIATE"))) {
                return;
            }
        }
    }

    /**
     * After ON: {@code DELETE|UPDATE action} of a foreign key, or MySQL's {@code ON UPDATE CURRENT_TIMESTAMP}
     * column attribute.
     */
    static void onAction(TokenCursor c) throws ReadException {
        if (!c.accept("DELETE")) {
            c.expect("UPDATE");
        }
        if (c.accept("CASCADE") || c.accept("RESTRICT") || c.accept("NO", "ACTION")) {
            return;
        }
        if (c.accept("SET", "NULL") || c.accept("SET", "DEFAULT")) {
            if (c.isSymbol("(")) {
                c.parenthesised();
            }
            return;
        }
        c.next();
        if (c.isSymbol("(")) {
            c.parenthesised();
        }
    }

    /** MySQL {@code USING BTREE|HASH} before or after an index's column list. */
    static void indexType(TokenCursor c) throws ReadException {
        if (c.accept("USING")) {
            c.next();
        }
    }

    /**
     * A parenthesised list of index or key columns, normalized; an expression element is kept as written.
     * MySQL prefix lengths ({@code name(10)}) and sort orders are dropped.
     */
    static List<String> columnList(TokenCursor c) throws ReadException {
        if (!c.isSymbol("(")) {
            throw c.unexpected("expected a column list");
        }
        int open = c.index();
        c.parenthesised();
        int close = c.index() - 1;
        List<String> columns = new ArrayList<>();
        for (int[] part : c.splitAtCommas(open + 1, close)) {
            if (part[0] == part[1]) {
                continue;
            }
            Token first = c.at(part[0]);
            columns.add(first.isIdentifier() && plainColumn(c, part[0] + 1, part[1])
                    ? Identifiers.normalize(first.text()) : c.text(part[0], part[1]));
        }
        return columns;
    }

    /** Whether what follows a column name is only a prefix length, sort order or operator class. */
    private static boolean plainColumn(TokenCursor c, int from, int to) {
        if (from == to) {
            return true;
        }
        Token next = c.at(from);
        if (next.isSymbol("(")) {
            return from + 2 < to && c.at(from + 1).kind() == Token.Kind.NUMBER && c.at(from + 2).isSymbol(")");
        }
        return next.kind() == Token.Kind.WORD;
    }
}

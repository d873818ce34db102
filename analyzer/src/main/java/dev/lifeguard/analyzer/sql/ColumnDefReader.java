package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.Identifiers;
import dev.lifeguard.analyzer.model.TableName;

import java.util.List;
import java.util.Set;

/**
 * Reads a column definition ({@code name type [attributes]}) as CREATE TABLE, ADD COLUMN, MODIFY and
 * CHANGE write it. The type is everything up to the first attribute keyword, so multi-word types
 * ({@code character varying(20)}, {@code timestamp with time zone}, {@code int unsigned}) stay whole.
 */
final class ColumnDefReader {
    private static final Set<String> ATTRIBUTES = Set.of("NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE",
            "REFERENCES", "CHECK", "CONSTRAINT", "GENERATED", "AS", "AUTO_INCREMENT", "AUTOINCREMENT",
            "IDENTITY", "COLLATE", "COMMENT", "ON", "CHARSET", "FIRST", "AFTER", "KEY", "VISIBLE", "INVISIBLE",
            "STORAGE", "COLUMN_FORMAT", "COMPRESSION", "SRID", "DEFERRABLE", "INITIALLY", "ENFORCED");

    private ColumnDefReader() {
    }

    static ColumnDef read(TokenCursor c) throws ReadException {
        String name = Identifiers.normalize(c.identifier());
        int typeStart = c.index();
        while (!c.atEnd() && !attributeStarts(c)) {
            c.skipItem();
        }
        String type = typeStart == c.index() ? null : TypeText.of(c, typeStart, c.index());
        Boolean nullable = null;
        String defaultExpression = null;
        ColumnDef.Generated generated = ColumnDef.Generated.NONE;
        boolean primaryKey = false;
        boolean unique = false;
        TableName references = null;
        List<String> referencedColumns = List.of();
        String check = null;
        // CONSTRAINT n names the inline constraint that follows it
        String named = null;
        String primaryKeyName = null;
        String uniqueName = null;
        String referencesName = null;
        String checkName = null;
        String position = null;
        while (!c.atEnd()) {
            String name0 = named;
            named = null;
            if (c.accept("NOT", "NULL")) {
                nullable = Boolean.FALSE;
            } else if (c.accept("NULL")) {
                nullable = Boolean.TRUE;
            } else if (c.accept("DEFAULT")) {
                defaultExpression = expression(c);
            } else if (c.accept("PRIMARY", "KEY") || c.accept("KEY")) {
                primaryKey = true;
                primaryKeyName = name0 != null ? name0 : primaryKeyName;
                if (!c.accept("ASC")) {
                    c.accept("DESC");
                }
            } else if (c.accept("UNIQUE")) {
                unique = true;
                uniqueName = name0 != null ? name0 : uniqueName;
                if (!c.accept("KEY")) {
                    c.accept("INDEX");
                }
                c.accept("NULLS", "NOT", "DISTINCT");
                c.accept("NULLS", "DISTINCT");
            } else if (c.accept("REFERENCES")) {
                references = TableName.parse(c.qualifiedName());
                referencesName = name0;
                if (c.isSymbol("(")) {
                    referencedColumns = ConstraintReader.columnList(c);
                }
                ConstraintReader.referenceOptions(c);
            } else if (c.accept("CHECK")) {
                String expression = c.parenthesised();
                if (check == null) {
                    check = expression;
                    checkName = name0;
                }
                c.accept("NO", "INHERIT");
            } else if (c.accept("CONSTRAINT")) {
                named = Identifiers.normalize(c.identifier());
            } else if (c.accept("GENERATED")) {
                if (!c.accept("ALWAYS")) {
                    c.expect("BY", "DEFAULT");
                }
                c.expect("AS");
                generated = generatedAs(c);
            } else if (c.accept("AS")) {
                generated = generatedAs(c);
            } else if (c.accept("AUTO_INCREMENT") || c.accept("AUTOINCREMENT") || c.accept("IDENTITY")) {
                generated = ColumnDef.Generated.IDENTITY;
                if (c.isSymbol("(")) {
                    c.parenthesised();
                }
            } else if (c.accept("ON")) {
                ConstraintReader.onAction(c);
            } else if (c.accept("COLLATE") || c.accept("COMMENT") || c.accept("CHARACTER", "SET")
                    || c.accept("CHARSET") || c.accept("STORAGE") || c.accept("COLUMN_FORMAT")
                    || c.accept("COMPRESSION") || c.accept("SRID")) {
                c.acceptSymbol("=");
                c.next();
            } else if (c.accept("AFTER")) {
                position = "AFTER " + Identifiers.normalize(c.identifier());
            } else if (c.accept("FIRST")) {
                position = "FIRST";
            } else if (!acceptFlag(c)) {
                throw c.unexpected("unrecognised column attribute");
            }
        }
        ColumnDef.Inline inline = primaryKeyName == null && uniqueName == null && referencesName == null
                && referencedColumns.isEmpty() && checkName == null && position == null ? ColumnDef.Inline.NONE
                : new ColumnDef.Inline(primaryKeyName, uniqueName, referencesName, referencedColumns, checkName, position);
        return new ColumnDef(name, type, nullable, defaultExpression, generated, primaryKey, unique, references,
                check, inline);
    }

    private static boolean acceptFlag(TokenCursor c) {
        return c.accept("VISIBLE") || c.accept("INVISIBLE") || c.accept("DEFERRABLE")
                || c.accept("NOT", "DEFERRABLE") || c.accept("INITIALLY", "DEFERRED")
                || c.accept("INITIALLY", "IMMEDIATE") || c.accept("ENFORCED") || c.accept("NOT", "ENFORCED");
    }

    private static ColumnDef.Generated generatedAs(TokenCursor c) throws ReadException {
        if (c.accept("IDENTITY")) {
            if (c.isSymbol("(")) {
                c.parenthesised();
            }
            return ColumnDef.Generated.IDENTITY;
        }
        c.parenthesised();
        if (c.accept("STORED") || c.accept("PERSISTENT")) {
            return ColumnDef.Generated.STORED;
        }
        c.accept("VIRTUAL");
        return ColumnDef.Generated.VIRTUAL;
    }

    /** A DEFAULT expression as written: everything up to the next attribute outside parentheses. */
    private static String expression(TokenCursor c) throws ReadException {
        int start = c.index();
        c.skipItem();
        while (!c.atEnd() && !attributeStarts(c)) {
            c.skipItem();
        }
        return c.text(start, c.index());
    }

    private static boolean attributeStarts(TokenCursor c) {
        Token t = c.peek();
        if (t.kind() != Token.Kind.WORD) {
            return false;
        }
        String w = t.upper();
        if (w.equals("CHARACTER")) {
            return c.peek(1) != null && c.peek(1).isWord("SET");
        }
        return ATTRIBUTES.contains(w);
    }
}

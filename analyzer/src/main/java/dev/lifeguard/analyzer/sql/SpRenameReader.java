package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.Identifiers;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQL Server renames with a stored procedure: {@code EXEC sp_rename 'schema.old', 'new'} renames a table,
 * {@code EXEC sp_rename 'table.old', 'new', 'COLUMN'} a column. Read as the renames they are, so that a table
 * rebuilt through a copy and renamed into place (what SQL Server's own tools generate) keeps its name.
 * Renames of indexes, constraints and other objects ({@code 'INDEX'}, {@code 'OBJECT'}, or a three-part name)
 * stay unmodelled; a two-part name the history made a sequence or view renames that, not a table.
 */
final class SpRenameReader {
    private SpRenameReader() {
    }

    /** From just after {@code EXEC} / {@code EXECUTE}; null when this is not a call of sp_rename. */
    static List<Operation> read(TokenCursor c, SourceSpan span) throws ReadException {
        if (c.atEnd()) {
            return null;
        }
        String proc = c.peek().text().replace("[", "").replace("]", "").toLowerCase(Locale.ROOT);
        if (!proc.equals("sp_rename") && !proc.endsWith(".sp_rename")) {
            return null;
        }
        c.next();
        while (!c.atEnd() && c.peek().isSymbol(".")) { // dbo.sp_rename written in parts
            c.next();
            c.next();
        }
        List<String> args = new ArrayList<>();
        while (!c.atEnd()) {
            Token t = c.next();
            if (t.kind() == Token.Kind.STRING) {
                args.add(unquote(t.text()));
            } else if (t.kind() == Token.Kind.WORD && t.text().startsWith("@")) {
                continue; // @objname = ...
            } else if (t.isSymbol("@") && !c.atEnd() && c.peek().kind() == Token.Kind.WORD) {
                c.next(); // @objname, lexed as @ and a word
            } else if (!t.isSymbol(",") && !t.isSymbol("=") && !t.isSymbol(";")) {
                return null; // a variable or an expression: not known statically
            }
        }
        if (args.size() < 2) {
            return null;
        }
        String type = args.size() > 2 ? args.get(2).trim().toUpperCase(Locale.ROOT) : "";
        String object = args.get(0);
        String newName = Identifiers.normalize(args.get(1));
        if (type.equals("COLUMN")) {
            TableName qualified = TableName.parse(object);
            if (qualified.schema() == null) {
                return null;
            }
            TableName table = TableName.parse(object.substring(0, lastDot(object)));
            return List.of(new Operation.RenameColumn(span, table, qualified.name(), newName));
        }
        if (!type.isEmpty()) {
            return null; // INDEX, OBJECT (constraints), DATABASE, STATISTICS, USERDATATYPE
        }
        if (lastDot(object) >= 0 && lastDot(object.substring(0, lastDot(object))) >= 0) {
            return null; // schema.table.name without a type: an index or constraint of a table, not a table
        }
        TableName from = TableName.parse(object);
        return List.of(new Operation.RenameTable(span, from, new TableName(from.schema(), newName)));
    }

    /** The position of the last dot outside brackets and quotes. */
    private static int lastDot(String s) {
        int depth = 0;
        char quote = 0;
        int last = -1;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote != 0) {
                quote = ch == quote ? 0 : quote;
            } else if (ch == '"') {
                quote = ch;
            } else if (ch == '[') {
                depth++;
            } else if (ch == ']') {
                depth--;
            } else if (ch == '.' && depth == 0) {
                last = i;
            }
        }
        return last;
    }

    /** {@code N'a''b'} to {@code a'b}. */
    private static String unquote(String literal) {
        int open = literal.indexOf('\'');
        String inner = literal.substring(open + 1, literal.length() - 1);
        return inner.replace("''", "'");
    }
}

package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Statements that act on whole tables: DROP TABLE, RENAME TABLE, TRUNCATE, VACUUM, REINDEX, CLUSTER,
 * LOCK. JSqlParser cannot read most of the PostgreSQL maintenance ones, and the locking rules need them.
 */
final class MaintenanceReader {
    private final SourceSpan span;

    MaintenanceReader(SourceSpan span) {
        this.span = span;
    }

    /** From just after {@code DROP [TEMPORARY] TABLE}. */
    Operation dropTable(TokenCursor c) throws ReadException {
        boolean ifExists = c.accept("IF", "EXISTS");
        List<TableName> tables = tableList(c);
        boolean cascade = c.accept("CASCADE");
        c.accept("RESTRICT");
        c.expectEnd();
        return new Operation.DropTable(span, tables, ifExists, cascade);
    }

    /** MySQL {@code RENAME TABLE a TO b [, c TO d]}, from just after {@code RENAME TABLE}. */
    List<Operation> renameTable(TokenCursor c) throws ReadException {
        List<Operation> ops = new ArrayList<>();
        do {
            TableName from = TableName.parse(c.qualifiedName());
            c.expect("TO");
            ops.add(new Operation.RenameTable(span, from, TableName.parse(c.qualifiedName())));
        } while (c.acceptSymbol(","));
        c.expectEnd();
        return ops;
    }

    /** From just after {@code TRUNCATE}. */
    Operation truncate(TokenCursor c) throws ReadException {
        c.accept("TABLE");
        c.accept("ONLY");
        List<TableName> tables = tableList(c);
        if (!c.accept("RESTART", "IDENTITY")) {
            c.accept("CONTINUE", "IDENTITY");
        }
        boolean cascade = c.accept("CASCADE");
        c.accept("RESTRICT");
        c.expectEnd();
        return new Operation.Truncate(span, tables, cascade);
    }

    /** From just after {@code VACUUM}. */
    List<Operation> vacuum(TokenCursor c) throws ReadException {
        boolean full = false;
        while (true) {
            if (c.isSymbol("(")) {
                String options = c.parenthesised().toUpperCase(Locale.ROOT);
                full |= options.matches("(?s)(.*[,\\s])?FULL(\\s+(TRUE|ON|1))?\\s*(,.*)?");
            } else if (c.accept("FULL")) {
                full = true;
            } else if (!(c.accept("FREEZE") || c.accept("VERBOSE") || c.accept("ANALYZE") || c.accept("ANALYSE"))) {
                break;
            }
        }
        List<Operation> ops = new ArrayList<>();
        while (!c.atEnd()) {
            ops.add(new Operation.Vacuum(span, TableName.parse(c.qualifiedName()), full));
            if (c.isSymbol("(")) {
                c.parenthesised();
            }
            if (!c.acceptSymbol(",")) {
                break;
            }
        }
        c.expectEnd();
        if (ops.isEmpty()) {
            ops.add(new Operation.Vacuum(span, null, full));
        }
        return ops;
    }

    /** From just after {@code REINDEX}. */
    Operation reindex(TokenCursor c) throws ReadException {
        boolean concurrently = false;
        if (c.isSymbol("(")) {
            concurrently = booleanOption(c.parenthesised(), "CONCURRENTLY");
        }
        String kind = c.next().upper();
        if (!List.of("INDEX", "TABLE", "SCHEMA", "DATABASE", "SYSTEM").contains(kind)) {
            throw new ReadException("unrecognised REINDEX target " + kind);
        }
        concurrently |= c.accept("CONCURRENTLY");
        String target = c.atEnd() ? null : TableName.parse(c.qualifiedName()).toString();
        c.expectEnd();
        return new Operation.Reindex(span, kind, target, concurrently);
    }

    /**
     * Whether a parenthesised option list ({@code CONCURRENTLY, VERBOSE false}) turns the option on: named
     * without a value, or with true / on / 1 (PostgreSQL's boolean spellings, quoted or not).
     */
    static boolean booleanOption(String options, String name) {
        for (String option : options.split(",")) {
            String[] words = option.trim().split("\\s+", 2);
            if (!words[0].equalsIgnoreCase(name)) {
                continue;
            }
            if (words.length == 1) {
                return true;
            }
            String value = words[1].trim().replaceFirst("^(?i)(E|U&)'", "'").replace("'", "").toLowerCase(Locale.ROOT);
            return !(value.equals("false") || value.equals("off") || value.equals("0") || value.equals("no"));
        }
        return false;
    }

    /**
     * PostgreSQL 19's {@code REPACK [(options)] [table [USING INDEX [index]]]}, from just after REPACK: read as
     * {@code Other} of kind {@code REPACK} or {@code REPACK CONCURRENTLY}, naming its table.
     */
    Operation repack(TokenCursor c) throws ReadException {
        boolean concurrently = c.isSymbol("(") && booleanOption(c.parenthesised(), "CONCURRENTLY");
        TableName table = c.atEnd() ? null : TableName.parse(c.qualifiedName());
        if (c.accept("USING", "INDEX") && !c.atEnd()) {
            c.identifier();
        }
        c.expectEnd();
        return new Operation.Other(span, concurrently ? "REPACK CONCURRENTLY" : "REPACK", false, table);
    }

    /** From just after {@code CLUSTER}. */
    Operation cluster(TokenCursor c) throws ReadException {
        if (c.isSymbol("(")) {
            c.parenthesised();
        }
        c.accept("VERBOSE");
        if (c.atEnd()) {
            return new Operation.Cluster(span, null);
        }
        String first = c.qualifiedName();
        TableName table = TableName.parse(first);
        if (c.accept("ON")) {
            table = TableName.parse(c.qualifiedName()); // pre-8.3 form: CLUSTER index ON table
        } else if (c.accept("USING")) {
            c.identifier();
        }
        c.expectEnd();
        return new Operation.Cluster(span, table);
    }

    /** From just after {@code LOCK}: PostgreSQL {@code LOCK [TABLE] t IN mode MODE} or MySQL LOCK TABLES. */
    Operation lock(TokenCursor c, boolean mysql) throws ReadException {
        if (mysql) {
            if (!c.accept("TABLES")) {
                c.expect("TABLE");
            }
            List<TableName> tables = new ArrayList<>();
            String mode = "READ";
            do {
                tables.add(TableName.parse(c.qualifiedName()));
                while (!c.atEnd() && !c.isSymbol(",")) {
                    if (c.next().isWord("WRITE")) {
                        mode = "WRITE";
                    }
                }
            } while (c.acceptSymbol(","));
            return new Operation.LockTable(span, tables, mode);
        }
        c.accept("TABLE");
        c.accept("ONLY");
        List<TableName> tables = tableList(c);
        String mode = "ACCESS EXCLUSIVE";
        if (c.accept("IN")) {
            StringBuilder words = new StringBuilder();
            while (!c.atEnd() && !c.isWord("MODE")) {
                words.append(words.length() == 0 ? "" : " ").append(c.next().upper());
            }
            c.expect("MODE");
            mode = words.toString();
        }
        c.accept("NOWAIT");
        c.expectEnd();
        return new Operation.LockTable(span, tables, mode);
    }

    private static List<TableName> tableList(TokenCursor c) throws ReadException {
        List<TableName> tables = new ArrayList<>();
        do {
            c.accept("ONLY");
            tables.add(TableName.parse(c.qualifiedName()));
            c.acceptSymbol("*");
        } while (c.acceptSymbol(","));
        return tables;
    }
}

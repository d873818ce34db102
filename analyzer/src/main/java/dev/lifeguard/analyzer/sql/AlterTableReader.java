package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Identifiers;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads ALTER TABLE into one operation per clause. Clauses are split at top-level commas and read one by
 * one, so a clause JSqlParser would choke on ({@code SET DATA TYPE}, {@code USING INDEX}) does not hide
 * its neighbours; a clause nobody knows makes the whole statement unreadable rather than half-read.
 */
final class AlterTableReader {
    /** Clauses that change the table but need no dedicated operation; read as Other. */
    private static final Set<String> OTHER_CLAUSES = Set.of("OWNER", "ENABLE", "DISABLE", "FORCE", "NO",
            "INHERIT", "OF", "NOT", "REPLICA", "ATTACH", "DETACH", "CLUSTER", "ENGINE", "DEFAULT", "CHARSET",
            "CHARACTER", "COLLATE", "AUTO_INCREMENT", "COMMENT", "ROW_FORMAT", "KEY_BLOCK_SIZE",
            "STATS_PERSISTENT", "STATS_AUTO_RECALC", "STATS_SAMPLE_PAGES", "CONVERT", "ORDER", "PARTITION",
            "REMOVE", "COALESCE", "REORGANIZE", "EXCHANGE", "TRUNCATE", "OPTIMIZE", "REBUILD", "REPAIR",
            "ANALYZE", "DISCARD", "IMPORT", "AVG_ROW_LENGTH", "MAX_ROWS", "MIN_ROWS", "PACK_KEYS", "CHECKSUM",
            "DELAY_KEY_WRITE", "INSERT_METHOD", "TABLESPACE", "ENCRYPTION", "WITH", "WITHOUT", "RESET",
            "SECONDARY_ENGINE", "SECONDARY_LOAD", "SECONDARY_UNLOAD", "AUTOEXTEND_SIZE", "COMPRESSION",
            "UNION", "DATA", "INDEX", "VALIDATION", "SPLIT", "MERGE");

    private static final Set<String> TWO_WORD_CLAUSES = Set.of("SET", "RESET", "ENABLE", "DISABLE", "NO", "NOT",
            "CONVERT", "DEFAULT", "RENAME", "ALTER", "DROP", "ADD", "REPLICA", "OWNER", "ATTACH", "DETACH");

    private final Dialect dialect;
    private final SourceSpan statementSpan;
    private final ClauseSpans clauseSpans;
    /** The span of the clause being read: findings point at the clause, not at the ALTER TABLE line. */
    private SourceSpan span;

    AlterTableReader(Dialect dialect, SourceSpan span, ClauseSpans clauseSpans) {
        this.dialect = dialect;
        this.statementSpan = span;
        this.clauseSpans = clauseSpans;
        this.span = span;
    }

    /** Reads from just after {@code ALTER TABLE}. */
    List<Operation> read(TokenCursor c) throws ReadException {
        c.accept("IF", "EXISTS");
        c.accept("ONLY");
        TableName table = TableName.parse(c.qualifiedName());
        c.acceptSymbol("*");
        if (c.atEnd()) {
            throw new ReadException("ALTER TABLE without a clause");
        }
        List<TokenCursor> clauses = new ArrayList<>();
        String algorithm = null;
        String lock = null;
        for (int[] part : c.splitAtCommas(c.index(), c.size())) {
            TokenCursor k = c.sub(part[0], part[1]);
            if (k.atEnd()) {
                throw new ReadException("empty ALTER TABLE clause");
            }
            if (k.accept("ALGORITHM")) {
                algorithm = optionValue(k);
            } else if (k.accept("LOCK")) {
                lock = optionValue(k);
            } else {
                clauses.add(k);
            }
        }
        List<Operation> ops = new ArrayList<>();
        boolean adding = false;
        for (TokenCursor k : clauses) {
            span = clauseSpans.span(k.at(0).start(), k.at(k.size() - 1).end());
            // SQL Server's ADD takes a list: ADD a int, b varchar(20), CONSTRAINT ... (no ADD before the others)
            boolean continuesAdd = adding && dialect == Dialect.SQLSERVER && !startsAction(k);
            adding = continuesAdd || k.isWord("ADD");
            if (continuesAdd) {
                add(k, table, algorithm, lock, ops);
            } else {
                clause(k, table, algorithm, lock, ops);
            }
            k.expectEnd();
        }
        span = statementSpan;
        // MySQL: every clause names the table and its columns as they were before the statement; the table's
        // new name applies to the result (ALTER TABLE users RENAME TO user, RENAME COLUMN id TO oid)
        List<Operation> renames = ops.stream().filter(o -> o instanceof Operation.RenameTable).toList();
        if (!renames.isEmpty() && renames.size() < ops.size()) {
            ops.removeAll(renames);
            ops.addAll(renames);
        }
        if (algorithm != null || lock != null) {
            // one statement with its clauses: rules group operations by the statement they start in
            SourceSpan whole = span.hasOffsets() ? span.withinStatementAt(span.startOffset()) : span;
            ops.add(new Operation.OnlineDdlOptions(whole, table, algorithm, lock));
        }
        return ops;
    }

    /** Whether a clause begins with an action of its own (ADD, DROP, ALTER...) rather than continuing a list. */
    private static boolean startsAction(TokenCursor k) {
        return k.peek().kind() == Token.Kind.WORD && (OTHER_CLAUSES.contains(k.peek().upper())
                || java.util.Set.of("ADD", "DROP", "RENAME", "ALTER", "MODIFY", "CHANGE", "VALIDATE", "SET")
                .contains(k.peek().upper()));
    }

    private static String optionValue(TokenCursor k) throws ReadException {
        k.acceptSymbol("=");
        String value = k.next().text().toUpperCase(Locale.ROOT);
        k.expectEnd();
        return value;
    }

    private void clause(TokenCursor k, TableName table, String algorithm, String lock, List<Operation> ops)
            throws ReadException {
        if (k.accept("ADD")) {
            add(k, table, algorithm, lock, ops);
        } else if (k.accept("DROP")) {
            ops.add(drop(k, table));
        } else if (k.accept("RENAME")) {
            ops.add(rename(k, table));
        } else if (k.accept("ALTER")) {
            ops.add(alter(k, table));
        } else if (k.accept("MODIFY")) {
            k.accept("COLUMN");
            ColumnDef def = ColumnDefReader.read(k);
            ops.add(new Operation.AlterColumnType(span, table, def.name(), def, null, true));
        } else if (k.accept("CHANGE")) {
            k.accept("COLUMN");
            String from = Identifiers.normalize(k.identifier());
            ColumnDef def = ColumnDefReader.read(k);
            if (!from.equals(def.name())) {
                ops.add(new Operation.RenameColumn(span, table, from, def.name()));
            }
            ops.add(new Operation.AlterColumnType(span, table, def.name(), def, null, true));
        } else if (k.accept("VALIDATE", "CONSTRAINT")) {
            ops.add(new Operation.ValidateConstraint(span, table, Identifiers.normalize(k.identifier())));
        } else if (k.accept("SET", "LOGGED")) {
            ops.add(new Operation.SetLogged(span, table, true));
        } else if (k.accept("SET", "UNLOGGED")) {
            ops.add(new Operation.SetLogged(span, table, false));
        } else if (!dialect.isMySqlFamily() && k.accept("ATTACH", "PARTITION")) {
            TableName partition = TableName.parse(k.qualifiedName());
            String bound = null;
            if (k.accept("FOR", "VALUES")) {
                int from = k.index();
                k.skipRest();
                bound = k.text(from, k.index());
            } else {
                k.expect("DEFAULT");
            }
            ops.add(new Operation.AttachPartition(span, table, partition, bound));
        } else if (!dialect.isMySqlFamily() && k.accept("DETACH", "PARTITION")) {
            TableName partition = TableName.parse(k.qualifiedName());
            boolean concurrently = k.accept("CONCURRENTLY");
            boolean finalize = !concurrently && k.accept("FINALIZE");
            ops.add(new Operation.DetachPartition(span, table, partition, concurrently, finalize));
        } else if (k.isWord("SET") || k.peek().kind() == Token.Kind.WORD && OTHER_CLAUSES.contains(k.peek().upper())) {
            ops.add(other(k, table));
        } else {
            throw k.unexpected("unrecognised ALTER TABLE clause");
        }
    }

    private void add(TokenCursor k, TableName table, String algorithm, String lock, List<Operation> ops)
            throws ReadException {
        boolean mysql = dialect.isMySqlFamily();
        if (k.accept("COLUMN")) {
            addColumns(k, table, ops);
        } else if (mysql && (k.isWord("INDEX") || k.isWord("KEY") || k.isWord("UNIQUE") || k.isWord("FULLTEXT")
                || k.isWord("SPATIAL"))) {
            ops.add(mysqlIndex(k, table, algorithm, lock));
        } else if (ConstraintReader.startsConstraint(k)) {
            ConstraintDef constraint = ConstraintReader.read(k);
            ops.add(new Operation.AddConstraint(span, table, constraint));
        } else if (k.isWord("PARTITION")) {
            ops.add(other(k, table));
        } else {
            addColumns(k, table, ops);
        }
    }

    private void addColumns(TokenCursor k, TableName table, List<Operation> ops) throws ReadException {
        boolean ifNotExists = k.accept("IF", "NOT", "EXISTS");
        if (!k.isSymbol("(")) {
            ops.add(new Operation.AddColumn(span, table, ColumnDefReader.read(k), ifNotExists));
            return;
        }
        int open = k.index();
        k.parenthesised(); // MySQL: ADD (a int, b int)
        for (int[] part : k.splitAtCommas(open + 1, k.index() - 1)) {
            TokenCursor column = k.sub(part[0], part[1]);
            ops.add(new Operation.AddColumn(span, table, ColumnDefReader.read(column), ifNotExists));
            column.expectEnd();
        }
    }

    /** MySQL {@code ADD [UNIQUE|FULLTEXT|SPATIAL] [INDEX|KEY] [name] [USING t] (cols)}. */
    private Operation mysqlIndex(TokenCursor k, TableName table, String algorithm, String lock)
            throws ReadException {
        boolean unique = k.accept("UNIQUE");
        String kind = k.accept("FULLTEXT") ? "FULLTEXT" : k.accept("SPATIAL") ? "SPATIAL" : null;
        if (!k.accept("INDEX")) {
            k.accept("KEY");
        }
        String name = null;
        if (!k.isSymbol("(") && !k.isWord("USING")) {
            name = Identifiers.normalize(k.identifier());
        }
        ConstraintReader.indexType(k);
        List<String> columns = ConstraintReader.columnList(k);
        skipIndexOptions(k);
        return new Operation.CreateIndex(span, name, table, columns, unique, false, false, algorithm, lock, kind);
    }

    static void skipIndexOptions(TokenCursor k) throws ReadException {
        while (!k.atEnd()) {
            if (k.accept("USING")) {
                k.next();
            } else if (k.accept("COMMENT") || k.accept("KEY_BLOCK_SIZE") || k.accept("WITH", "PARSER")) {
                k.acceptSymbol("=");
                k.next();
            } else if (!(k.accept("VISIBLE") || k.accept("INVISIBLE"))) {
                return;
            }
        }
    }

    private Operation drop(TokenCursor k, TableName table) throws ReadException {
        if (k.accept("CONSTRAINT") || k.accept("FOREIGN", "KEY") || k.accept("CHECK")) {
            boolean ifExists = k.accept("IF", "EXISTS");
            String name = Identifiers.normalize(k.identifier());
            return new Operation.DropConstraint(span, table, name, ifExists, dropBehaviour(k));
        }
        if (k.accept("PRIMARY", "KEY")) {
            return new Operation.DropConstraint(span, table, "primary", false);
        }
        if (k.accept("INDEX") || k.accept("KEY")) {
            boolean ifExists = k.accept("IF", "EXISTS");
            return new Operation.DropIndex(span, Identifiers.normalize(k.identifier()), table, false, ifExists);
        }
        if (k.isWord("PARTITION") || k.isWord("DEFAULT")) {
            return other(k, table);
        }
        k.accept("COLUMN");
        boolean ifExists = k.accept("IF", "EXISTS");
        String column = Identifiers.normalize(k.identifier());
        boolean cascade = dropBehaviour(k);
        return new Operation.DropColumn(span, table, column, ifExists, cascade);
    }

    private static boolean dropBehaviour(TokenCursor k) {
        if (k.accept("CASCADE")) {
            return true;
        }
        k.accept("RESTRICT");
        return false;
    }

    private Operation rename(TokenCursor k, TableName table) throws ReadException {
        if (k.isWord("CONSTRAINT") || k.isWord("INDEX") || k.isWord("KEY")) {
            return other(k, table);
        }
        if (k.accept("TO") || k.accept("AS")) {
            return new Operation.RenameTable(span, table, TableName.parse(k.qualifiedName()));
        }
        if (k.isWord("COLUMN") && k.peek(1) != null && !k.peek(1).isWord("TO")) {
            k.next();
        }
        String first = k.qualifiedName();
        if (k.accept("TO")) {
            return new Operation.RenameColumn(span, table, Identifiers.normalize(first),
                    Identifiers.normalize(k.identifier()));
        }
        return new Operation.RenameTable(span, table, TableName.parse(first)); // MySQL: RENAME new_name
    }

    private Operation alter(TokenCursor k, TableName table) throws ReadException {
        if (k.isWord("CONSTRAINT") || k.isWord("INDEX") || k.isWord("CHECK")) {
            return other(k, table);
        }
        k.accept("COLUMN");
        int columnAt = k.index();
        String column = Identifiers.normalize(k.identifier());
        if (k.accept("RENAME", "TO")) {
            // H2 (and HSQLDB): ALTER TABLE t ALTER COLUMN c RENAME TO d
            return new Operation.RenameColumn(span, table, column, Identifiers.normalize(k.identifier()));
        }
        if (startsH2Definition(k)) {
            // H2: ALTER TABLE t ALTER COLUMN c <type> [DEFAULT ...] [NOT NULL]; SQL Server: ALTER COLUMN c <type>
            // [NULL | NOT NULL]: the column is restated
            k.reset(columnAt);
            ColumnDef def = ColumnDefReader.read(k);
            return new Operation.AlterColumnType(span, table, def.name(), def, null, true);
        }
        if (k.accept("TYPE") || k.accept("SET", "DATA", "TYPE")) {
            int start = k.index();
            while (!k.atEnd() && !k.isWord("USING") && !k.isWord("COLLATE")) {
                k.skipItem();
            }
            if (start == k.index()) {
                throw k.unexpected("expected a type");
            }
            String type = TypeText.of(k, start, k.index());
            if (k.accept("COLLATE")) {
                k.next();
            }
            String using = null;
            if (k.accept("USING")) {
                int from = k.index();
                k.skipRest();
                using = k.text(from, k.index());
            }
            return new Operation.AlterColumnType(span, table, column, ColumnDef.of(column, type), using, false);
        }
        if (k.accept("SET", "NOT", "NULL")) {
            return new Operation.SetNotNull(span, table, column);
        }
        if (k.accept("DROP", "NOT", "NULL")) {
            return new Operation.DropNotNull(span, table, column);
        }
        if (k.accept("SET", "DEFAULT")) {
            int from = k.index();
            k.skipRest();
            if (from == k.index()) {
                throw k.unexpected("expected a default expression");
            }
            return new Operation.SetDefault(span, table, column, k.text(from, k.index()));
        }
        if (k.accept("DROP", "DEFAULT")) {
            return new Operation.DropDefault(span, table, column);
        }
        if (k.isWord("SET") || k.isWord("RESET") || k.isWord("ADD") || k.isWord("DROP") || k.isWord("RESTART")) {
            // statistics, attribute options, storage, identity and generation options: the kind names the action
            String action = k.next().upper();
            if (!k.atEnd()) {
                action += " " + (k.isSymbol("(") ? "OPTIONS" : k.peek().kind() == Token.Kind.WORD ? k.peek().upper() : "");
            }
            k.skipRest();
            return new Operation.Other(span, "ALTER TABLE ALTER COLUMN " + action.trim(), true, table);
        }
        throw k.unexpected("unrecognised ALTER COLUMN action");
    }

    /**
     * Whether what follows {@code ALTER COLUMN c} is a column definition (a data type) rather than an action:
     * on H2, SQL Server and the generic dialect, a word that is none of the actions.
     */
    private boolean startsH2Definition(TokenCursor k) {
        if (dialect != Dialect.H2 && dialect != Dialect.SQLSERVER && dialect != Dialect.GENERIC || k.atEnd()
                || k.peek().kind() != Token.Kind.WORD) {
            return false;
        }
        return !H2_ACTIONS.contains(k.peek().upper());
    }

    private static final java.util.Set<String> H2_ACTIONS = java.util.Set.of("TYPE", "SET", "DROP", "RESET", "ADD",
            "RESTART", "RENAME", "SELECTIVITY");

    /** A clause with no dedicated operation: its leading keyword(s) name it. */
    private Operation other(TokenCursor k, TableName table) {
        Token first = k.at(0);
        String kind = "ALTER TABLE " + first.upper();
        if (k.size() > 1 && k.at(1).kind() == Token.Kind.WORD && TWO_WORD_CLAUSES.contains(first.upper())) {
            kind += " " + k.at(1).upper();
        }
        if ((first.isWord("ENABLE") || first.isWord("DISABLE")) && k.size() > 2
                && (k.at(1).isWord("ALWAYS") || k.at(1).isWord("REPLICA")) && k.at(2).kind() == Token.Kind.WORD) {
            kind += " " + k.at(2).upper(); // ENABLE ALWAYS TRIGGER t, ENABLE REPLICA RULE r
        }
        k.skipRest();
        return new Operation.Other(span, kind, true, table);
    }
}

package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Operation.TransactionKind;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;

import java.util.List;
import java.util.Set;

/**
 * The token-level reader: DDL, transaction control, session settings and maintenance statements. It owns
 * the statements whose exact wording matters to rules (types as written, CONCURRENTLY, NOT VALID, USING
 * INDEX) and the ones JSqlParser 5.4 cannot read. Returns null for statements it leaves to JSqlParser
 * (queries and data changes).
 */
final class StatementReader {
    private static final Set<String> BEGIN_OPTIONS = Set.of("WORK", "TRANSACTION", "TRAN", "ISOLATION", "READ",
            "DEFERRABLE", "NOT");
    /** Statements read as Other by their leading keyword: not DDL. */
    private static final Set<String> PLAIN_OTHER = Set.of("SHOW", "RESET", "ANALYZE", "ANALYSE", "NOTIFY",
            "LISTEN", "UNLISTEN", "DISCARD", "CHECKPOINT", "LOAD", "USE", "FLUSH", "UNLOCK", "REFRESH",
            "DEALLOCATE", "PREPARE", "EXECUTE", "OPTIMIZE", "DECLARE", "FETCH", "CLOSE", "MOVE");
    /** Statements read as Other by their leading keyword: they change the schema or its permissions. */
    private static final Set<String> DDL_OTHER = Set.of("GRANT", "REVOKE", "SECURITY", "IMPORT", "REASSIGN");

    private final Dialect dialect;

    StatementReader(Dialect dialect) {
        this.dialect = dialect;
    }

    List<Operation> read(String source, List<Token> tokens, SourceSpan span, ClauseSpans clauseSpans)
            throws ReadException {
        TokenCursor c = new TokenCursor(source, tokens);
        Token first = c.next();
        if (first.kind() != Token.Kind.WORD) {
            return null;
        }
        String word = first.upper();
        switch (word) {
            case "BEGIN":
                if (c.atEnd() || BEGIN_OPTIONS.contains(c.peek().upper())) {
                    return List.of(new Operation.TransactionControl(span, TransactionKind.BEGIN));
                }
                return null;
            case "START":
                c.expect("TRANSACTION");
                return List.of(new Operation.TransactionControl(span, TransactionKind.BEGIN));
            case "COMMIT", "END":
                return List.of(new Operation.TransactionControl(span, TransactionKind.COMMIT));
            case "ROLLBACK", "ABORT":
                return List.of(new Operation.TransactionControl(span, TransactionKind.ROLLBACK));
            case "SAVEPOINT", "RELEASE":
                return List.of(new Operation.TransactionControl(span, TransactionKind.SAVEPOINT));
            case "SET":
                return new SetReader(dialect, span).read(c);
            case "ALTER":
                return alter(c, span, clauseSpans);
            case "CREATE":
                return create(c, span);
            case "DROP":
                return drop(c, span);
            case "RENAME":
                if (c.accept("TABLE")) {
                    return new MaintenanceReader(span).renameTable(c);
                }
                return List.of(other(c, span, "RENAME", true));
            case "TRUNCATE":
                return List.of(new MaintenanceReader(span).truncate(c));
            case "VACUUM":
                return new MaintenanceReader(span).vacuum(c);
            case "REINDEX":
                return List.of(new MaintenanceReader(span).reindex(c));
            case "CLUSTER":
                return List.of(new MaintenanceReader(span).cluster(c));
            case "REPACK":
                return List.of(new MaintenanceReader(span).repack(c));
            case "LOCK":
                return List.of(new MaintenanceReader(span).lock(c, dialect.isMySqlFamily()));
            case "COMMENT":
                c.expect("ON");
                return List.of(new Operation.Other(span, "COMMENT ON", true, ObjectKinds.commentTable(c)));
            case "EXEC", "EXECUTE": {
                int start = c.index();
                List<Operation> rename = SpRenameReader.read(c, span);
                if (rename != null) {
                    return rename;
                }
                c.reset(start);
                return word.equals("EXEC") ? null : List.of(other(c, span, word, false)); // as before: EXEC to JSqlParser
            }
            case "SELECT":
                if (c.atEnd()) {
                    return List.of(new Operation.Other(span, "SELECT", false, null)); // PostgreSQL: an empty query
                }
                return null;
            case "DO":
                if (tokens.stream().noneMatch(t -> t.kind() == Token.Kind.STRING)) {
                    throw new ReadException("DO without a body");
                }
                return List.of(new Operation.Other(span, "DO", true, null));
            default:
                break;
        }
        if (word.equals("REFRESH")) {
            return List.of(new SchemaObjectReader(span).refresh(c));
        }
        if (PLAIN_OTHER.contains(word)) {
            return List.of(other(c, span, word, false));
        }
        if (DDL_OTHER.contains(word)) {
            return List.of(other(c, span, word, true));
        }
        return null;
    }

    private List<Operation> alter(TokenCursor c, SourceSpan span, ClauseSpans clauseSpans) throws ReadException {
        int start = c.index();
        c.accept("ONLINE");
        c.accept("IGNORE");
        if (c.accept("TABLE")) {
            return new AlterTableReader(dialect, span, clauseSpans).read(c);
        }
        c.reset(start);
        String kind = ObjectKinds.kind(c);
        if ("DOMAIN".equals(kind)) {
            return List.of(new SchemaObjectReader(span).alterDomain(c));
        }
        if ("SCHEMA".equals(kind) && c.peek(1) != null && c.peek(1).isWord("RENAME")) {
            return List.of(new SchemaObjectReader(span).renameSchema(c));
        }
        if ("TYPE".equals(kind) && addsEnumValue(c)) {
            kind = "TYPE ADD VALUE"; // cannot run inside a transaction before PostgreSQL 12
        }
        return kind == null ? null : List.of(other(c, span, "ALTER " + kind, true));
    }

    private static boolean addsEnumValue(TokenCursor c) {
        for (int i = c.index(); i + 1 < c.size(); i++) {
            if (c.at(i).isWord("ADD") && c.at(i + 1).isWord("VALUE")) {
                return true;
            }
        }
        return false;
    }

    private List<Operation> create(TokenCursor c, SourceSpan span) throws ReadException {
        int start = c.index();
        String kind = ObjectKinds.kind(c);
        if (kind == null) {
            return null;
        }
        if (kind.equals("TABLE") && !hasWordBefore(c, start, "FOREIGN")) {
            return new CreateTableReader(span).read(c);
        }
        if (kind.equals("INDEX")) {
            c.reset(start);
            return new IndexReader(span).create(c);
        }
        TableName table = ObjectKinds.targetTable(c, kind);
        String name = ObjectKinds.objectName(c, kind);
        c.skipRest();
        return List.of(new Operation.Other(span, "CREATE " + kind, true, table, name));
    }

    private List<Operation> drop(TokenCursor c, SourceSpan span) throws ReadException {
        String kind = ObjectKinds.kind(c);
        if (kind == null) {
            return null;
        }
        if (kind.equals("TABLE")) {
            return List.of(new MaintenanceReader(span).dropTable(c));
        }
        if (kind.equals("INDEX")) {
            return new IndexReader(span).drop(c);
        }
        if (kind.equals("SCHEMA") || kind.equals("DATABASE")) {
            return List.of(new SchemaObjectReader(span).dropSchema(c, kind.equals("DATABASE")));
        }
        TableName table = ObjectKinds.targetTable(c, kind);
        String name = ObjectKinds.objectName(c, kind);
        if (kind.equals("VIEW") || kind.equals("MATERIALIZED VIEW")) {
            c.accept("IF", "EXISTS");
            table = TableName.parse(c.qualifiedName()); // the first view: locked ACCESS EXCLUSIVE while dropped
        }
        c.skipRest();
        return List.of(new Operation.Other(span, "DROP " + kind, true, table, name));
    }

    private static boolean hasWordBefore(TokenCursor c, int from, String word) {
        for (int i = from; i < c.index(); i++) {
            if (c.at(i).isWord(word)) {
                return true;
            }
        }
        return false;
    }

    private static Operation other(TokenCursor c, SourceSpan span, String kind, boolean ddl) {
        c.skipRest();
        return new Operation.Other(span, kind, ddl, null);
    }
}

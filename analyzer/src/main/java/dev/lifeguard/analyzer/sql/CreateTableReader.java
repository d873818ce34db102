package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Identifiers;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CREATE TABLE: columns and table constraints; MySQL's inline {@code KEY} / {@code INDEX} elements
 * become CreateIndex operations after the CreateTable. Of the table options after the column list, only
 * PostgreSQL's PARTITION BY is kept (a partition's bound is checked on its key); ENGINE, WITH, INHERITS... do
 * not matter to any rule and are skipped.
 */
final class CreateTableReader {
    private final SourceSpan span;

    CreateTableReader(SourceSpan span) {
        this.span = span;
    }

    /** Reads from just after {@code TABLE}. */
    List<Operation> read(TokenCursor c) throws ReadException {
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        TableName table = TableName.parse(c.qualifiedName());
        TableName partitionOf = null;
        String partitionBound = null;
        if (c.accept("PARTITION", "OF")) {
            partitionOf = TableName.parse(c.qualifiedName());
        }
        List<ColumnDef> columns = new ArrayList<>();
        List<ConstraintDef> constraints = new ArrayList<>();
        List<Operation> indexes = new ArrayList<>();
        if (c.isSymbol("(")) {
            int open = c.index();
            c.parenthesised();
            boolean noColumns = c.index() - 1 == open + 1; // PostgreSQL accepts CREATE TABLE t ()
            for (int[] part : noColumns ? List.<int[]>of() : c.splitAtCommas(open + 1, c.index() - 1)) {
                TokenCursor element = c.sub(part[0], part[1]);
                if (element.atEnd()) {
                    throw new ReadException("empty element in CREATE TABLE");
                }
                element(element, table, columns, constraints, indexes);
                element.expectEnd();
            }
        }
        boolean asSelect = false;
        String partitionBy = null;
        while (!c.atEnd()) {
            if (c.isWord("AS") || c.isWord("SELECT")) {
                asSelect = true;
                c.skipRest();
            } else if (partitionOf != null && partitionBound == null && c.accept("DEFAULT")) {
                partitionBound = "DEFAULT";
            } else if (partitionOf != null && partitionBound == null && c.accept("FOR", "VALUES")) {
                int from = c.index();
                if (c.accept("WITH")) {
                    c.skipItem(); // hash: WITH (MODULUS m, REMAINDER r)
                }
                while (!c.atEnd() && !c.isWord("PARTITION") && !c.isWord("USING") && !c.isWord("WITH")
                        && !c.isWord("TABLESPACE") && !c.isWord("WITHOUT")) {
                    c.skipItem();
                }
                partitionBound = c.text(from, c.index());
            } else if (c.accept("PARTITION", "BY") && !c.atEnd() && c.peek().kind() == Token.Kind.WORD) {
                String method = c.next().upper();
                int from = c.index();
                if (c.isSymbol("(")) {
                    c.parenthesised(); // PostgreSQL: RANGE (key); MySQL's PARTITION BY clauses are not kept
                    partitionBy = method + " " + c.text(from, c.index());
                }
            } else {
                c.skipItem();
            }
        }
        markNotNull(columns, constraints);
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation.CreateTable(span, table, columns, constraints, ifNotExists, asSelect, partitionBy,
                partitionOf, partitionBound));
        ops.addAll(indexes);
        return ops;
    }

    /** PostgreSQL 18's {@code CONSTRAINT n NOT NULL col} table constraint makes the column NOT NULL. */
    private static void markNotNull(List<ColumnDef> columns, List<ConstraintDef> constraints) {
        for (ConstraintDef k : constraints) {
            if (k.kind() != ConstraintDef.Kind.NOT_NULL) {
                continue;
            }
            for (int i = 0; i < columns.size(); i++) {
                ColumnDef d = columns.get(i);
                if (k.columns().contains(d.name())) {
                    columns.set(i, new ColumnDef(d.name(), d.type(), Boolean.FALSE, d.defaultExpression(),
                            d.generated(), d.primaryKey(), d.unique(), d.references(), d.checkExpression()));
                }
            }
        }
    }

    private void element(TokenCursor e, TableName table, List<ColumnDef> columns, List<ConstraintDef> constraints,
                         List<Operation> indexes) throws ReadException {
        if (ConstraintReader.startsConstraint(e)) {
            constraints.add(ConstraintReader.read(e));
        } else if (e.isWord("LIKE")) {
            e.skipRest();
        } else if (isInlineIndex(e)) {
            String kind = e.isWord("FULLTEXT") || e.isWord("SPATIAL") ? e.peek().upper() : null;
            e.next();
            if (e.isWord("INDEX") || e.isWord("KEY")) {
                e.next();
            }
            String name = e.isSymbol("(") || e.isWord("USING") ? null : Identifiers.normalize(e.identifier());
            ConstraintReader.indexType(e);
            List<String> cols = ConstraintReader.columnList(e);
            AlterTableReader.skipIndexOptions(e);
            indexes.add(new Operation.CreateIndex(span, name, table, cols, false, false, false, null, null, kind));
        } else {
            columns.add(ColumnDefReader.read(e));
        }
    }

    /**
     * MySQL {@code KEY [name] [USING t] (cols)}: told apart from a column named "key" or "fulltext" by the
     * shape that follows (a column's type would come next, and a type's parentheses hold a number).
     */
    private static boolean isInlineIndex(TokenCursor e) {
        Token first = e.peek();
        if (!(first.isWord("KEY") || first.isWord("INDEX") || first.isWord("FULLTEXT") || first.isWord("SPATIAL"))) {
            return false;
        }
        int i = 1;
        if ((first.isWord("FULLTEXT") || first.isWord("SPATIAL")) && e.peek(i) != null
                && (e.peek(i).isWord("INDEX") || e.peek(i).isWord("KEY"))) {
            i++;
        }
        if (e.peek(i) != null && e.peek(i).isIdentifier() && !e.peek(i).isWord("USING")) {
            i++;
        }
        Token next = e.peek(i);
        if (next == null) {
            return false;
        }
        if (next.isWord("USING")) {
            return true;
        }
        return next.isSymbol("(") && e.peek(i + 1) != null && e.peek(i + 1).kind() != Token.Kind.NUMBER;
    }
}

package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.analyzer.timeline.ColumnState;
import dev.lifeguard.rules.engine.OperationContext;
import dev.lifeguard.rules.keys.TableKeys;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the deploy that adds a unique key has done to the rows of its columns before it, read from the
 * migrations that ship together with it ({@link OperationContext#deployedTogether}): whether a duplicate is
 * still possible when the key is added. None is when
 * <ul>
 * <li>a unique key on some of the columns already held when the deploy started (a superset of unique columns
 *     is unique), even if the deploy dropped it since;</li>
 * <li>one of the columns was added by the deploy without a default and no UPDATE filled it: it holds only
 *     NULL, and NULLs never collide (unless the key says NULLS NOT DISTINCT); or it was added numbering the rows
 *     (identity, AUTO_INCREMENT, serial, a nextval or UUID default);</li>
 * <li>the deploy emptied the table (DELETE without WHERE, TRUNCATE) or de-duplicated it: a DELETE that groups,
 *     numbers or self-joins its rows, a DO block that updates or deletes them, or an UPDATE of every row (or of
 *     a column the deploy added empty) that sets one of the columns from a per-row unique value: an expression
 *     over a column that is unique by itself, a UUID generator, row_number(); a plain copy of another column
 *     when the history does not show the table's keys.</li>
 * </ul>
 */
final class UniqueDataHistory {
    /** Functions that give every row a different value. */
    private static final Pattern PER_ROW = Pattern.compile(
            "(?i)\\b(gen_random_uuid|uuid_generate_v[1-5]|uuid|uuid_short|newid|sys_guid|row_number)\\s*\\(");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final Pattern SUBSELECT = Pattern.compile("\\bselect\\b");
    private static final Pattern QUALIFIED = Pattern.compile("([a-z_][a-z0-9_$]*)\\s*\\.\\s*([a-z_][a-z0-9_$]*)");
    private static final Pattern BARE_COLUMN = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_$]*\\.)?\"?[A-Za-z_][A-Za-z0-9_$]*\"?\\s*");
    private static final Set<String> CONSTANTS = Set.of("null", "true", "false", "default", "current_timestamp",
            "current_date", "current_time", "localtimestamp", "current_user", "user");
    private static final Pattern DEDUP_WORDS = Pattern.compile("\\b(group\\s+by|having|row_number|distinct)\\b");
    private static final Pattern NULLS_NOT_DISTINCT = Pattern.compile("\\bnulls\\s+not\\s+distinct\\b");
    private static final Pattern NULL_DEFAULT = Pattern.compile("(?i)\\s*\\(?\\s*null\\s*\\)?\\s*");

    private final boolean noDuplicates;
    private final List<String> mayHoldNull;

    private UniqueDataHistory(boolean noDuplicates, List<String> mayHoldNull) {
        this.noDuplicates = noDuplicates;
        this.mayHoldNull = mayHoldNull;
    }

    /** Whether the rows cannot hold two equal values of the columns when the key is added. */
    boolean noDuplicates() {
        return noDuplicates;
    }

    /** The columns that may hold NULL when the key is added (what a primary key refuses). */
    List<String> mayHoldNull() {
        return mayHoldNull;
    }

    static UniqueDataHistory of(OperationContext ctx, TableName table, List<String> columns) {
        String statement = text(ctx, ctx.operation().span());
        boolean nullsDistinct = statement == null || !NULLS_NOT_DISTINCT.matcher(statement).find();
        TableKeys atStart = TableKeys.empty(ctx.dialect()); // the keys when the deploy started
        TableKeys now = TableKeys.empty(ctx.dialect());
        boolean started = false;
        List<Operation> unit = new ArrayList<>();
        for (Migration m : ctx.history().migrations()) {
            if (m == ctx.migration()) {
                break;
            }
            if (!m.appliesTo(ctx.dialect())) {
                continue;
            }
            started |= ctx.deployedTogether(m);
            if (started) {
                unit.addAll(m.operations());
            } else {
                m.operations().forEach(atStart::apply);
            }
            m.operations().forEach(now::apply);
        }
        unit.addAll(ctx.earlierOperations());
        ctx.earlierOperations().forEach(now::apply);
        boolean noDuplicates = atStart.uniqueWithin(table, columns) != null || now.uniqueWithin(table, columns) != null
                || addedEmpty(unit, table, columns, nullsDistinct) || prepared(ctx, unit, atStart, table, columns);
        List<String> nullable = new ArrayList<>();
        for (String column : columns) {
            ColumnState state = ctx.schema().column(table, column).orElse(null);
            if (state == null || !Boolean.FALSE.equals(state.nullable())) {
                nullable.add(column);
            }
        }
        return new UniqueDataHistory(noDuplicates, nullable);
    }

    /**
     * Whether the deploy added one of the columns without a default and never filled it (every row holds NULL
     * there, and a NULL equals nothing), or numbered the rows in it: no two rows can collide on the key.
     */
    private static boolean addedEmpty(List<Operation> unit, TableName table, List<String> columns,
                                      boolean nullsDistinct) {
        for (String column : columns) {
            boolean empty = false;
            for (Operation op : unit) {
                if (op instanceof Operation.AddColumn a && a.table().matches(table) && a.column().name().equals(column)) {
                    empty = nullsDistinct && addsEmpty(a) || numbersRows(a);
                } else if (empty && op instanceof Operation.DataChange d && d.table() != null && d.table().matches(table)
                        && (d.kind() != Operation.DataChangeKind.UPDATE || d.assignments().isEmpty()
                        || d.assignments().stream().anyMatch(s -> s.column().equals(column)))) {
                    empty = d.kind() == Operation.DataChangeKind.DELETE; // rows written since: no longer all NULL
                }
            }
            if (empty) {
                return true;
            }
        }
        return false;
    }

    /** Whether the column is filled with a different value for every row: identity, serial, nextval, a UUID. */
    private static boolean numbersRows(Operation.AddColumn a) {
        String type = a.column().type() == null ? "" : a.column().type().toLowerCase(Locale.ROOT);
        String dflt = a.column().defaultExpression();
        return a.column().generated() == ColumnDef.Generated.IDENTITY || type.matches("(small|big)?serial[248]?")
                || dflt != null && (PER_ROW.matcher(dflt).find() || dflt.toLowerCase(Locale.ROOT).contains("nextval("));
    }

    /** Whether the column starts out NULL in every row: no default (or DEFAULT NULL), not generated. */
    private static boolean addsEmpty(Operation.AddColumn a) {
        String dflt = a.column().defaultExpression();
        return a.column().generated() == ColumnDef.Generated.NONE && (dflt == null || NULL_DEFAULT.matcher(dflt).matches());
    }

    /** Whether the deploy emptied or de-duplicated the table before the key. */
    private static boolean prepared(OperationContext ctx, List<Operation> unit, TableKeys keys, TableName table,
                                    List<String> columns) {
        // keys is advanced through the deploy, so an UPDATE is judged by the keys as they stood when it ran
        Set<String> emptyHere = new HashSet<>(); // columns the deploy added, all NULL until an UPDATE fills them
        for (Operation op : unit) {
            if (op instanceof Operation.AddColumn a && a.table().matches(table) && addsEmpty(a)) {
                emptyHere.add(a.column().name());
            }
            if (op instanceof Operation.Truncate t && t.tables().stream().anyMatch(n -> n.matches(table))) {
                return true;
            }
            if (op instanceof Operation.DataChange d && d.table() != null && d.table().matches(table)) {
                if (d.kind() == Operation.DataChangeKind.DELETE && (!d.hasWhere() || deduplicates(ctx, d.span(), table))) {
                    return true;
                }
                for (Operation.Assignment s : d.kind() == Operation.DataChangeKind.UPDATE ? d.assignments()
                        : List.<Operation.Assignment>of()) {
                    // with a WHERE only some rows get the per-row value: fine when the others hold NULL
                    if (columns.contains(s.column()) && (!d.hasWhere() || emptyHere.contains(s.column()))
                            && perRow(s.expression(), keys, table, s.column(), ctx.schema().table(table).isPresent())) {
                        return true;
                    }
                    emptyHere.remove(s.column());
                }
                if (d.kind() != Operation.DataChangeKind.DELETE && d.assignments().isEmpty()) {
                    emptyHere.clear(); // rows written, or an UPDATE whose columns are not known
                }
            }
            if (op instanceof Operation.Other o && o.kind().equals("DO") && changesRowsOf(ctx, o.span(), table)) {
                return true;
            }
            keys.apply(op);
        }
        return false;
    }

    /** Whether the expression gives each row its own value: a generator, or a column unique by itself. */
    private static boolean perRow(String expression, TableKeys keys, TableName table, String assigned,
                                  boolean known) {
        if (expression == null) {
            return false;
        }
        if (PER_ROW.matcher(expression).find()) {
            return true;
        }
        if (!known && BARE_COLUMN.matcher(expression).matches()
                && !CONSTANTS.contains(expression.strip().toLowerCase(Locale.ROOT))) {
            // SET a = b on a table whose keys the history does not show (its DDL predates the linted files): a copy
            // of another column is a copy of an identifier; Lifeguard cannot check b and does not guess it repeats
            return true;
        }
        String text = expression.replaceAll("'[^']*'", " ").toLowerCase(Locale.ROOT).replace("\"", "");
        Set<String> words = new HashSet<>();
        if (SUBSELECT.matcher(text).find()) {
            // inside a sub-select a bare name may be the other table's: only table.column counts
            Matcher q = QUALIFIED.matcher(text);
            while (q.find()) {
                if (q.group(1).equals(table.name().toLowerCase(Locale.ROOT))) {
                    words.add(q.group(2));
                }
            }
        } else {
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                words.add(m.group());
            }
        }
        words.remove(assigned);
        for (String w : words) {
            if (keys.uniqueColumn(table, w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a procedural block's text updates or deletes rows of the table (it is not read further). */
    private static boolean changesRowsOf(OperationContext ctx, SourceSpan span, TableName table) {
        String text = text(ctx, span);
        return text != null && Pattern.compile("\\b(update|delete\\s+from)\\s+(only\\s+)?" + nameIn(table))
                .matcher(text).find();
    }

    /**
     * Whether a DELETE reads like a de-duplication: it groups or numbers rows, or reads the table a second time
     * ({@code USING t b}, {@code JOIN t t2}, {@code NOT IN (SELECT min(id) FROM t ...)}). A DELETE of orphans,
     * of expired rows, of one tenant's rows, proves nothing about duplicates.
     */
    private static boolean deduplicates(OperationContext ctx, SourceSpan span, TableName table) {
        String text = text(ctx, span);
        if (text == null) {
            return false;
        }
        if (DEDUP_WORDS.matcher(text).find()) {
            return true;
        }
        Matcher m = Pattern.compile("\\b(from|join|using)\\s+(only\\s+)?" + nameIn(table)).matcher(text);
        int reads = 0;
        while (m.find()) {
            reads++;
        }
        return reads >= 2;
    }

    private static String nameIn(TableName table) {
        return "([a-z0-9_$\"`]+\\.)?[\"`]?" + Pattern.quote(table.name().toLowerCase(Locale.ROOT)) + "[\"`]?(?![a-z0-9_$])";
    }

    /** The statement as written, lower case; null when its text is not at hand. */
    private static String text(OperationContext ctx, SourceSpan span) {
        if (!span.hasOffsets()) {
            return null;
        }
        SourceFile file = ctx.project().source(span.file()).orElse(null);
        if (file == null || span.endOffset() > file.text().length()) {
            return null;
        }
        return file.text().substring(span.startOffset(), span.endOffset()).toLowerCase(Locale.ROOT);
    }
}

package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Identifiers;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Operation.DataChangeKind;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserTokenManager;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads one statement with JSqlParser, for what the token reader leaves to it: queries and data changes,
 * and anything else it may know. Each statement is parsed alone and must be read up to its end; a
 * statement that takes longer than the time limit counts as unreadable.
 */
final class JSqlTranslator {
    /** Parser threads: daemons, so a runaway parse never keeps the JVM alive. */
    private static final ExecutorService PARSER_THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "lifeguard-sql-parser");
        thread.setDaemon(true);
        return thread;
    });

    private final Dialect dialect;
    private final long timeoutMillis;

    JSqlTranslator(Dialect dialect, long timeoutMillis) {
        this.dialect = dialect;
        this.timeoutMillis = timeoutMillis;
    }

    List<Operation> read(String sql, SourceSpan span) throws ReadException {
        return read(sql, span, timeoutMillis);
    }

    /** As {@link #read(String, SourceSpan)}, within a shorter time when the file's budget is nearly spent. */
    List<Operation> read(String sql, SourceSpan span, long millis) throws ReadException {
        Statement statement = parse(sql, Math.max(1, Math.min(timeoutMillis, millis)));
        return List.of(translate(statement, sql, span));
    }

    private Statement parse(String sql, long millis) throws ReadException {
        CCJSqlParser parser = CCJSqlParserUtil.newParser(sql).withTimeOut(millis);
        AbstractJSqlParser.Dialect jsqlDialect = jsqlDialect();
        if (jsqlDialect != null) {
            parser = parser.withDialect(jsqlDialect);
        }
        if (dialect == Dialect.SQLSERVER) {
            parser = parser.withSquareBracketQuotation(true);
        }
        try {
            Statement statement = CCJSqlParserUtil.parseStatement(parser, PARSER_THREADS);
            if (statement == null || parser.getNextToken().kind != CCJSqlParserTokenManager.EOF) {
                throw new ReadException("only the start of the statement could be read");
            }
            return statement;
        } catch (JSQLParserException e) {
            throw new ReadException(reason(e));
        } catch (RuntimeException | StackOverflowError e) {
            throw new ReadException("statement not recognised");
        }
    }

    private AbstractJSqlParser.Dialect jsqlDialect() {
        return switch (dialect) {
            case POSTGRESQL -> AbstractJSqlParser.Dialect.POSTGRESQL;
            case MYSQL -> AbstractJSqlParser.Dialect.MYSQL;
            case MARIADB -> AbstractJSqlParser.Dialect.MARIADB;
            case ORACLE -> AbstractJSqlParser.Dialect.ORACLE;
            case SQLSERVER -> AbstractJSqlParser.Dialect.SQLSERVER;
            case H2 -> AbstractJSqlParser.Dialect.H2;
            case GENERIC -> null;
        };
    }

    /** The first line of JSqlParser's message, without the exception class names in front of it. */
    static String reason(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "statement not recognised";
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        line = line.replaceAll("^([a-zA-Z0-9_$]+\\.)+[A-Za-z0-9_$]*(Exception|Error): ?", "");
        if (line.isBlank()) {
            return "statement not recognised";
        }
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static Operation translate(Statement statement, String sql, SourceSpan span) {
        if (statement instanceof Update update) {
            return new Operation.DataChange(span, DataChangeKind.UPDATE, table(update.getTable()),
                    update.getWhere() != null, assignments(update));
        }
        if (statement instanceof Delete delete) {
            Table target = delete.getTable() != null ? delete.getTable()
                    : delete.getTables() != null && !delete.getTables().isEmpty() ? delete.getTables().get(0) : null;
            return new Operation.DataChange(span, DataChangeKind.DELETE, table(target), delete.getWhere() != null);
        }
        if (statement instanceof Insert insert) {
            return new Operation.DataChange(span, DataChangeKind.INSERT, table(insert.getTable()), false);
        }
        if (statement instanceof Upsert upsert) {
            return new Operation.DataChange(span, DataChangeKind.UPSERT, table(upsert.getTable()), false);
        }
        if (statement instanceof Merge merge) {
            return new Operation.DataChange(span, DataChangeKind.MERGE, table(merge.getTable()), false);
        }
        if (statement instanceof Select) {
            return new Operation.Other(span, "SELECT", false, null);
        }
        String pkg = statement.getClass().getPackageName();
        boolean ddl = pkg.contains(".create") || pkg.contains(".alter") || pkg.contains(".drop")
                || pkg.contains(".grant") || pkg.contains(".comment");
        return new Operation.Other(span, leadingKeyword(sql), ddl, null);
    }

    /** SET a = x, (b, c) = (y, z): each column with its expression; a row sub-select gives the whole text. */
    private static List<Operation.Assignment> assignments(Update update) {
        List<Operation.Assignment> out = new ArrayList<>();
        if (update.getUpdateSets() == null) {
            return out;
        }
        for (UpdateSet set : update.getUpdateSets()) {
            int columns = set.getColumns().size();
            int values = set.getValues() == null ? 0 : set.getValues().size();
            for (int i = 0; i < columns; i++) {
                String expression = columns == values ? String.valueOf(set.getValue(i))
                        : set.getValues() == null ? null : set.getValues().toString();
                out.add(new Operation.Assignment(Identifiers.normalize(set.getColumn(i).getColumnName()), expression));
            }
        }
        return out;
    }

    private static TableName table(Table table) {
        if (table == null || table.getName() == null) {
            return null;
        }
        return TableName.parse(table.getFullyQualifiedName());
    }

    private static String leadingKeyword(String sql) {
        String s = sql.strip();
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return end == 0 ? "STATEMENT" : s.substring(0, end).toUpperCase(Locale.ROOT);
    }
}

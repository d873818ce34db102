package dev.lifeguard.analyzer.code;

import dev.lifeguard.analyzer.model.Identifiers;
import dev.lifeguard.analyzer.model.TableName;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.TablesNamesFinder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The tables and columns one piece of application SQL names. Tables come from the words after FROM,
 * JOIN, UPDATE, INTO, TABLE; where that can be wrong (CTEs, subqueries in FROM) and JSqlParser reads the
 * statement, its table list decides which of those really are tables (a CTE name is not). Columns are the other identifiers: a qualified one belongs to
 * the table or alias before the dot, an unqualified one to every table of the statement (the database
 * would reject it if it were ambiguous, so it belongs to one of them). Placeholders ({@code #{id}},
 * {@code ${x}}, {@code :name}, {@code ?}) are never names.
 */
final class SqlReferences {
    /** Statements longer than this are matched by tokens only: the parser's time is not worth it. */
    private static final int MAX_PARSED_LENGTH = 20_000;
    /**
     * Where the token scan can take a name for a table that is none: a CTE ({@code WITH x AS (...)}), a
     * subquery or function in FROM. Only these statements are worth JSqlParser's time (it costs about as
     * much as the whole rest of the index on a large code base).
     */
    private static final Pattern NEEDS_PARSER = Pattern.compile("(?i)\\bwith\\b|\\b(from|join)\\s*\\(|\\blateral\\b");
    /** Parser threads: daemons, so that a runaway parse never keeps the JVM alive. */
    private static final ExecutorService PARSER_THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "lifeguard-code-sql");
        thread.setDaemon(true);
        return thread;
    });

    /** One name found: {@code column} null for the table itself; {@code offset} into the SQL given. */
    record Found(TableName table, String column, int offset) {
    }

    private static final Set<String> TABLE_INTRODUCERS = Set.of("FROM", "JOIN", "UPDATE", "INTO", "TABLE", "USING");

    private SqlReferences() {
    }

    static List<Found> find(String sql) {
        List<Tok> toks = tokens(sql);
        Map<String, TableName> aliases = new HashMap<>();
        List<Tok> tableToks = new ArrayList<>();
        Set<Integer> notColumns = new HashSet<>();
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            boolean introduced = t.word() && !t.quoted && TABLE_INTRODUCERS.contains(t.upper());
            boolean listed = t.kind == ',' && inFromList(toks, i);
            if (!introduced && !listed) {
                continue;
            }
            int j = i + 1;
            while (j < toks.size() && toks.get(j).isKeyword() && Set.of("ONLY", "LATERAL", "IF", "EXISTS", "NOT", "IGNORE")
                    .contains(toks.get(j).upper())) {
                j++;
            }
            if (j >= toks.size() || !toks.get(j).isName()) {
                continue;
            }
            int start = j;
            StringBuilder name = new StringBuilder(toks.get(j).text);
            while (j + 2 < toks.size() && toks.get(j + 1).kind == '.' && toks.get(j + 2).isName()) {
                name.append('.').append(toks.get(j + 2).text);
                j += 2;
            }
            if (j + 1 < toks.size() && toks.get(j + 1).kind == '(' && !t.upper().equals("INTO")) {
                continue; // a function in FROM (unnest(...), generate_series(...))
            }
            TableName table = TableName.parse(name.toString());
            Tok first = toks.get(start);
            tableToks.add(new Tok(first.offset, name.toString(), 'w', first.quoted));
            for (int k = start; k <= j; k++) {
                notColumns.add(k);
            }
            aliases.put(table.name(), table);
            int a = j + 1;
            if (a < toks.size() && toks.get(a).word() && toks.get(a).upper().equals("AS")) {
                a++;
            }
            if (a < toks.size() && toks.get(a).isName()) {
                aliases.put(Identifiers.normalize(toks.get(a).text), table);
                notColumns.add(a);
            }
        }
        Set<TableName> tables = confirmed(sql, tableToks);
        List<Found> out = new ArrayList<>();
        for (Tok t : tableToks) {
            TableName table = TableName.parse(t.text);
            if (tables.contains(table)) {
                out.add(new Found(table, null, t.offset));
            }
        }
        aliases.values().removeIf(table -> !tables.contains(table));
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (notColumns.contains(i) || !t.isName() || (i + 1 < toks.size() && toks.get(i + 1).kind == '(')) {
                continue;
            }
            if (i > 0 && (toks.get(i - 1).kind == ':' || toks.get(i - 1).kind == '@')) {
                continue; // a named parameter
            }
            if (i + 2 < toks.size() && toks.get(i + 1).kind == '.') {
                continue; // a qualifier: the column follows
            }
            String column = Identifiers.normalize(t.text);
            if (i >= 2 && toks.get(i - 1).kind == '.') {
                TableName owner = aliases.get(Identifiers.normalize(toks.get(i - 2).text));
                if (owner != null) {
                    out.add(new Found(owner, column, t.offset));
                }
                continue;
            }
            if (i > 0 && toks.get(i - 1).word() && toks.get(i - 1).upper().equals("AS")) {
                continue; // an output alias, not a column
            }
            for (TableName table : tables) {
                out.add(new Found(table, column, t.offset));
            }
        }
        return out;
    }

    /** Whether a comma at {@code i} separates tables of a FROM list (no SELECT/WHERE/... since the FROM). */
    private static boolean inFromList(List<Tok> toks, int i) {
        int depth = 0;
        for (int k = i - 1; k >= 0; k--) {
            Tok t = toks.get(k);
            if (t.kind == ')') {
                depth++;
            } else if (t.kind == '(') {
                if (depth == 0) {
                    return false;
                }
                depth--;
            } else if (depth == 0 && t.word() && !t.quoted) {
                String u = t.upper();
                if (u.equals("FROM")) {
                    return true;
                }
                if (Set.of("SELECT", "WHERE", "SET", "ON", "VALUES", "JOIN", "GROUP", "ORDER", "BY", "INTO", "HAVING")
                        .contains(u)) {
                    return false;
                }
            }
        }
        return false;
    }

    /** The tables the token scan found, kept to those JSqlParser lists when it reads the statement. */
    private static Set<TableName> confirmed(String sql, List<Tok> tableToks) {
        Set<TableName> byTokens = new LinkedHashSet<>();
        tableToks.forEach(t -> byTokens.add(TableName.parse(t.text)));
        if (byTokens.isEmpty() || sql.length() > MAX_PARSED_LENGTH || !NEEDS_PARSER.matcher(sql).find()) {
            return byTokens;
        }
        Set<String> parsed;
        try {
            CCJSqlParser parser = CCJSqlParserUtil.newParser(placeholdersAsParameters(sql)).withTimeOut(1_000);
            Statement statement = CCJSqlParserUtil.parseStatement(parser, PARSER_THREADS);
            if (statement == null) {
                return byTokens;
            }
            parsed = new TablesNamesFinder<>().getTables(statement);
        } catch (Exception | StackOverflowError e) {
            return byTokens; // token match where the parser cannot read it
        }
        Set<TableName> out = new LinkedHashSet<>();
        for (TableName t : byTokens) {
            for (String p : parsed) {
                if (TableName.parse(p).matches(t)) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static String placeholdersAsParameters(String sql) {
        return sql.replaceAll("[#$]\\{[^}]*}", "?");
    }

    private record Tok(int offset, String text, char kind, boolean quoted) {
        boolean word() {
            return kind == 'w';
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }

        boolean isKeyword() {
            return word() && !quoted && SqlKeywords.isKeyword(text);
        }

        boolean isName() {
            return word() && (quoted || (!SqlKeywords.isKeyword(text) && !Character.isDigit(text.charAt(0))));
        }
    }

    /** Words, quoted identifiers and punctuation; strings, numbers, comments and placeholders are skipped. */
    private static List<Tok> tokens(String sql) {
        List<Tok> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int e = sql.indexOf('\n', i);
                i = e < 0 ? n : e;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int e = sql.indexOf("*/", i + 2);
                i = e < 0 ? n : e + 2;
            } else if (c == '\'') {
                i = skipQuoted(sql, i, '\'');
            } else if ((c == '#' || c == '$') && i + 1 < n && sql.charAt(i + 1) == '{') {
                int e = sql.indexOf('}', i);
                i = e < 0 ? n : e + 1;
            } else if (c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int e = skipQuoted(sql, i, close);
                out.add(new Tok(i, sql.substring(i, e), 'w', true));
                i = e;
            } else if (Character.isLetter(c) || c == '_') {
                int s = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                out.add(new Tok(s, sql.substring(s, i), 'w', false));
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
            } else {
                out.add(new Tok(i, String.valueOf(c), c, false));
                i++;
            }
        }
        return out;
    }

    private static int skipQuoted(String sql, int start, char close) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == close) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == close && close != ']') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}

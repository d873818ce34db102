package dev.lifeguard.analyzer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates a Liquibase context expression ({@code mysql}, {@code postgresql or h2},
 * {@code tenant_db AND !initial_switch}) for one dialect. Projects such as Fineract mark per-database
 * changeSets with contexts named after the database; a changeSet for MySQL must not be judged on a
 * PostgreSQL run. A context named after a dialect is true when it is the dialect being linted (a context named
 * mysql on MariaDB too, where the expression does not name mariadb: a context is the application's word); any other
 * context may or may not be active at deploy time, so it is unknown, and only a definitely false
 * expression excludes the changeSet (Kleene three-valued logic).
 */
public final class ContextExpression {
    private enum Value { TRUE, FALSE, UNKNOWN }

    private final List<String> tokens;
    private final Dialect dialect;
    private final boolean namesMariaDb;
    private int pos;

    private ContextExpression(String expression, Dialect dialect) {
        this.tokens = tokenize(expression);
        this.dialect = dialect;
        this.namesMariaDb = tokens.contains("mariadb");
    }

    /** Whether the expression can never hold on this dialect. Malformed expressions never exclude. */
    public static boolean excludes(String expression, Dialect dialect) {
        if (expression == null || expression.isBlank()) {
            return false;
        }
        ContextExpression e = new ContextExpression(expression, dialect);
        try {
            Value v = e.or();
            return e.pos == e.tokens.size() && v == Value.FALSE;
        } catch (IndexOutOfBoundsException malformed) {
            return false;
        }
    }

    private Value or() {
        Value v = and();
        while (pos < tokens.size() && (tokens.get(pos).equals("or") || tokens.get(pos).equals(","))) {
            pos++;
            Value r = and();
            v = v == Value.TRUE || r == Value.TRUE ? Value.TRUE
                    : v == Value.FALSE && r == Value.FALSE ? Value.FALSE : Value.UNKNOWN;
        }
        return v;
    }

    private Value and() {
        Value v = not();
        while (pos < tokens.size() && tokens.get(pos).equals("and")) {
            pos++;
            Value r = not();
            v = v == Value.FALSE || r == Value.FALSE ? Value.FALSE
                    : v == Value.TRUE && r == Value.TRUE ? Value.TRUE : Value.UNKNOWN;
        }
        return v;
    }

    private Value not() {
        String t = tokens.get(pos);
        if (t.equals("!") || t.equals("not")) {
            pos++;
            Value v = not();
            return v == Value.TRUE ? Value.FALSE : v == Value.FALSE ? Value.TRUE : Value.UNKNOWN;
        }
        if (t.equals("(")) {
            pos++;
            Value v = or();
            if (!tokens.get(pos++).equals(")")) {
                throw new IndexOutOfBoundsException();
            }
            return v;
        }
        pos++;
        // a context is the application's own name: one named mysql is the one it gives MariaDB too, unless the
        // expression names mariadb itself (fineract passes "mysql" on MariaDB)
        return Dialect.parse(t).map(d -> d == dialect || d == Dialect.MYSQL && dialect == Dialect.MARIADB
                && !namesMariaDb ? Value.TRUE : Value.FALSE).orElse(Value.UNKNOWN);
    }

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '!' || c == '(' || c == ')' || c == ',') {
                out.add(String.valueOf(c));
                i++;
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "!(),".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                out.add(s.substring(start, i).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}

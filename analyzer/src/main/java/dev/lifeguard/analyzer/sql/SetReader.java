package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceSpan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads SET: {@code SET [SESSION|LOCAL] name {=|TO} value} becomes a SessionSetting (lock_timeout,
 * statement_timeout, search_path...). Forms that set no named parameter (SET TRANSACTION, SET ROLE,
 * MySQL user variables) are read as Other.
 */
final class SetReader {
    private static final Set<String> NOT_A_PARAMETER = Set.of("TRANSACTION", "CONSTRAINTS", "ROLE", "NAMES",
            "CHARACTER", "CHARSET", "PASSWORD", "DEFAULT", "AUTOCOMMIT", "SESSION", "LOCAL", "AUTHORIZATION", "CHARACTERISTICS");

    private final Dialect dialect;
    private final SourceSpan span;

    SetReader(Dialect dialect, SourceSpan span) {
        this.dialect = dialect;
        this.span = span;
    }

    /** From just after {@code SET}. */
    List<Operation> read(TokenCursor c) throws ReadException {
        boolean local = c.accept("LOCAL");
        if (!local && !c.accept("SESSION")) {
            if (!c.accept("GLOBAL")) {
                c.accept("PERSIST");
            }
        }
        if (c.atEnd()) {
            throw c.unexpected("expected a setting");
        }
        if (c.accept("TIME", "ZONE")) {
            String value = value(c, c.index(), c.size());
            return List.of(new Operation.SessionSetting(span, "timezone", value, local));
        }
        if (c.peek().kind() == Token.Kind.WORD && NOT_A_PARAMETER.contains(c.peek().upper())) {
            String kind = "SET " + c.peek().upper();
            c.skipRest();
            return List.of(new Operation.Other(span, kind, false, null));
        }
        List<int[]> parts = dialect.isMySqlFamily() ? c.splitAtCommas(c.index(), c.size())
                : List.of(new int[] {c.index(), c.size()});
        List<Operation> ops = new ArrayList<>();
        for (int[] part : parts) {
            ops.add(assignment(c.sub(part[0], part[1]), local));
        }
        return ops;
    }

    private Operation assignment(TokenCursor a, boolean local) throws ReadException {
        a.accept("SESSION");
        a.accept("GLOBAL");
        String name = a.qualifiedName();
        if (!a.acceptSymbol("=") && !a.acceptSymbol(":=")) {
            a.expect("TO");
        }
        if (a.atEnd()) {
            throw a.unexpected("expected a value");
        }
        String value = value(a, a.index(), a.size());
        String lower = name.toLowerCase(Locale.ROOT).replace("`", "");
        if (lower.startsWith("@@")) {
            lower = lower.replaceFirst("^@@(session\\.|local\\.|global\\.)?", "");
        } else if (lower.startsWith("@")) {
            return new Operation.Other(span, "SET", false, null); // a user variable, not a setting
        }
        return new Operation.SessionSetting(span, lower, value, local);
    }

    /** The value as written; a single quoted string loses its quotes ('5s' reads as 5s). */
    private static String value(TokenCursor c, int from, int to) {
        if (to - from == 1 && c.at(from).kind() == Token.Kind.STRING && c.at(from).text().startsWith("'")) {
            String s = c.at(from).text();
            return s.substring(1, Math.max(1, s.length() - 1)).replace("''", "'");
        }
        return c.text(from, to);
    }
}

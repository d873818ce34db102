package dev.lifeguard.analyzer.sql;

import java.util.Locale;
import java.util.Set;

/**
 * A column type as written, in one canonical spelling: lower case (outside quotes), single spaces between
 * words, none around parentheses and commas ({@code VARCHAR (255)} becomes {@code varchar(255)},
 * {@code NUMERIC(10, 2)} becomes {@code numeric(10,2)}). Synonyms are kept: the rules decide that
 * {@code int4} and {@code integer} are the same type.
 */
final class TypeText {
    private static final Set<String> NO_SPACE_AFTER = Set.of("(", ",", ".");
    private static final Set<String> NO_SPACE_BEFORE = Set.of("(", ")", ",", ".", "[", "]");

    private TypeText() {
    }

    static String of(TokenCursor c, int from, int to) {
        StringBuilder out = new StringBuilder();
        Token previous = null;
        for (int i = from; i < to; i++) {
            Token t = c.at(i);
            if (previous != null && previous.end() < t.start() && !NO_SPACE_AFTER.contains(previous.text())
                    && !NO_SPACE_BEFORE.contains(t.text())) {
                out.append(' ');
            }
            boolean keepCase = t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.QUOTED_IDENT;
            out.append(keepCase ? t.text() : t.text().toLowerCase(Locale.ROOT));
            previous = t;
        }
        return out.toString();
    }
}

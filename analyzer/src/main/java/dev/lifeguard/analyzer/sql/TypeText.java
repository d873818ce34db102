package dev.lifeguard.analyzer.sql;

import java.util.Locale;
import java.util.Set;

/**
 * A column type as written, in one canonical spelling: lower case (outside quotes), single spaces between
 * words, none around parentheses and commas ({@code VARCHAR (255)} becomes {@code varchar(255)},
 * {@code NUMERIC(10, 2)} becomes {@code numeric(10,2)}, SQL Server's {@code [varchar](255)} {@code varchar(255)}). Synonyms are kept: the rules decide that
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
            String text = t.text();
            if (t.kind() == Token.Kind.QUOTED_IDENT && text.length() > 2 && text.startsWith("[") && text.endsWith("]")) {
                // SQL Server's [varchar](255): a bracketed type name is the type, whose name has no case
                out.append(text.substring(1, text.length() - 1).toLowerCase(Locale.ROOT));
                previous = t;
                continue;
            }
            boolean keepCase = t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.QUOTED_IDENT;
            out.append(keepCase ? text : text.toLowerCase(Locale.ROOT));
            previous = t;
        }
        return out.toString();
    }
}

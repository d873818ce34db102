package dev.lifeguard.analyzer.model;

import java.util.Locale;

/** Identifier comparison the way databases do it: unquoted identifiers fold case, quoted ones keep it. */
public final class Identifiers {
    private Identifiers() {
    }

    /** Strips one level of quoting ("x", `x`, [x]); lower-cases the identifier when it was not quoted. */
    public static String normalize(String written) {
        String s = written.trim();
        if (s.length() >= 2) {
            char first = s.charAt(0);
            char last = s.charAt(s.length() - 1);
            if ((first == '"' && last == '"') || (first == '`' && last == '`') || (first == '[' && last == ']')) {
                String inner = s.substring(1, s.length() - 1);
                return first == '"' ? inner.replace("\"\"", "\"") : inner;
            }
        }
        return s.toLowerCase(Locale.ROOT);
    }

    static int lastUnquotedDot(String s) {
        char quote = 0;
        int last = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == '[') {
                quote = ']';
            } else if (c == '.') {
                last = i;
            }
        }
        return last;
    }
}

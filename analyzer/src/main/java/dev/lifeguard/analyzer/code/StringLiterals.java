package dev.lifeguard.analyzer.code;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals of a Java or Kotlin source by tokens: {@code "..."} with escapes, and
 * {@code """...""} text blocks and raw strings; comments and character literals are skipped. Content is
 * returned as written (escapes and Kotlin templates undecoded), so offsets map straight to the file.
 */
final class StringLiterals {

    /** A literal's content as written, starting at {@code start} in the file. */
    record Literal(int start, String content) {
    }

    private StringLiterals() {
    }

    static List<Literal> of(String text) {
        List<Literal> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                int e = text.indexOf('\n', i);
                i = e < 0 ? n : e;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int e = text.indexOf("*/", i + 2);
                i = e < 0 ? n : e + 2;
            } else if (c == '\'') {
                i = skip(text, i + 1, '\'');
            } else if (c == '"' && text.startsWith("\"\"\"", i)) {
                int e = text.indexOf("\"\"\"", i + 3);
                int end = e < 0 ? n : e;
                out.add(new Literal(i + 3, text.substring(i + 3, end)));
                i = e < 0 ? n : e + 3;
            } else if (c == '"') {
                int e = skip(text, i + 1, '"');
                out.add(new Literal(i + 1, text.substring(i + 1, Math.max(i + 1, e - 1))));
                i = e;
            } else {
                i++;
            }
        }
        return out;
    }

    /** The index after the closing quote (or the end of the line for an unterminated literal). */
    private static int skip(String text, int i, char quote) {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                return i;
            } else {
                i++;
            }
        }
        return text.length();
    }
}

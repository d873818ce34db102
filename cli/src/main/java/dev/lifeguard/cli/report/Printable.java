package dev.lifeguard.cli.report;

/**
 * The one place text from the input is made safe for a terminal and a workflow log (text and github formats):
 * a migration, a file name or a parser message may carry terminal escapes that would rewrite a finding's line,
 * or bidirectional overrides that show code other than what runs. Each such character becomes one visible
 * character (ESC as U+241B, other C0 controls as their Unicode control picture, the rest as U+FFFD), so the
 * columns of a snippet and its underline stay aligned. Tabs are kept. JSON and SARIF need nothing here: their
 * writers escape control characters by construction.
 */
public final class Printable {
    private Printable() {
    }

    public static String of(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char shown = shown(c);
            if (shown != c && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(shown);
            }
        }
        return out == null ? s : out.toString();
    }

    /** As {@link #of}, keeping line breaks: for text printed over several lines. */
    static String lines(String s) {
        if (s == null) {
            return null;
        }
        String[] parts = s.split("\n", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = of(parts[i]);
        }
        return String.join("\n", parts);
    }

    private static char shown(char c) {
        if (c == '\t') {
            return c;
        }
        if (c < 0x20) {
            return (char) (0x2400 + c); // control pictures: ␛ for ESC, ␍ for CR
        }
        if (c == 0x7f) {
            return '\u2421';
        }
        if (c >= 0x80 && c <= 0x9f // C1 controls, CSI among them
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 // bidirectional embeddings and isolates
                || c == 0x200e || c == 0x200f || c == 0x061c) {
            return '\uFFFD';
        }
        return c;
    }
}

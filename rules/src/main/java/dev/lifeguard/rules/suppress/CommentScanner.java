package dev.lifeguard.rules.suppress;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the comments of a file, aware of what is not a comment: {@code --} inside a string literal, a
 * quoted identifier or a PostgreSQL dollar-quoted body; {@code #} inside a quoted YAML scalar.
 */
final class CommentScanner {

    /** One comment: [start, end) in the file, and its text without the comment delimiters. */
    record Comment(int start, int end, String body) {
    }

    private CommentScanner() {
    }

    static List<Comment> scan(String text, CommentSyntax syntax) {
        List<Comment> out = new ArrayList<>();
        switch (syntax) {
            case SQL -> sql(text, 0, text.length(), out);
            case XML -> xml(text, out);
            case YAML -> yaml(text, out);
            case NONE -> {
            }
        }
        return out;
    }

    static void sql(String text, int from, int to, List<Comment> out) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '-' && i + 1 < to && text.charAt(i + 1) == '-') {
                int end = lineEnd(text, i, to);
                out.add(new Comment(i, end, text.substring(i + 2, end)));
                i = end;
            } else if (c == '/' && i + 1 < to && text.charAt(i + 1) == '*') {
                int end = blockEnd(text, i, to);
                int bodyEnd = end >= i + 4 && text.startsWith("*/", end - 2) ? end - 2 : end;
                out.add(new Comment(i, end, text.substring(i + 2, bodyEnd)));
                i = end;
            } else if (c == '\'') {
                boolean backslashes = i > from && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e');
                i = quoted(text, i, to, '\'', backslashes);
            } else if (c == '"' || c == '`') {
                i = quoted(text, i, to, c, false);
            } else if (c == '$') {
                i = dollarQuoted(text, i, to);
            } else {
                i++;
            }
        }
    }

    /** XML comments, and SQL comments in the text between tags (the body of a {@code <sql>} change). */
    private static void xml(String text, List<Comment> out) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            int lt = text.indexOf('<', i);
            int textEnd = lt < 0 ? n : lt;
            if (textEnd > i) {
                sql(text, i, textEnd, out);
            }
            if (lt < 0) {
                return;
            }
            if (text.startsWith("<!--", lt)) {
                int close = text.indexOf("-->", lt + 4);
                int end = close < 0 ? n : close + 3;
                out.add(new Comment(lt, end, text.substring(lt + 4, close < 0 ? n : close)));
                i = end;
            } else if (text.startsWith("<![CDATA[", lt)) {
                int close = text.indexOf("]]>", lt + 9);
                int bodyEnd = close < 0 ? n : close;
                sql(text, lt + 9, bodyEnd, out);
                i = close < 0 ? n : close + 3;
            } else {
                i = XmlElements.tagEnd(text, lt);
            }
        }
    }

    private static void yaml(String text, List<Comment> out) {
        int lineStart = 0;
        int n = text.length();
        while (lineStart < n) {
            int end = lineEnd(text, lineStart, n);
            char quote = 0;
            for (int i = lineStart; i < end; i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if ((c == '\'' || c == '"') && (i == lineStart || " \t:[{,-".indexOf(text.charAt(i - 1)) >= 0)) {
                    quote = c;
                } else if (c == '#' && (i == lineStart || Character.isWhitespace(text.charAt(i - 1)))) {
                    out.add(new Comment(i, end, text.substring(i + 1, end)));
                    break;
                }
            }
            lineStart = end + 1;
        }
    }

    private static int lineEnd(String text, int i, int to) {
        int nl = text.indexOf('\n', i);
        int end = nl < 0 || nl > to ? to : nl;
        return end > i && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    /** PostgreSQL block comments nest. */
    private static int blockEnd(String text, int i, int to) {
        int depth = 0;
        int j = i;
        while (j < to - 1) {
            if (text.charAt(j) == '/' && text.charAt(j + 1) == '*') {
                depth++;
                j += 2;
            } else if (text.charAt(j) == '*' && text.charAt(j + 1) == '/') {
                depth--;
                j += 2;
                if (depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return to;
    }

    private static int quoted(String text, int i, int to, char quote, boolean backslashes) {
        int j = i + 1;
        while (j < to) {
            char c = text.charAt(j);
            if (backslashes && c == '\\') {
                j += 2;
            } else if (c == quote) {
                if (j + 1 < to && text.charAt(j + 1) == quote) {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return to;
    }

    /** {@code $$ ... $$} or {@code $tag$ ... $tag$}; a lone {@code $1} parameter is not a quote. */
    private static int dollarQuoted(String text, int i, int to) {
        int j = i + 1;
        while (j < to && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
            j++;
        }
        if (j >= to || text.charAt(j) != '$' || (j > i + 1 && Character.isDigit(text.charAt(i + 1)))) {
            return i + 1;
        }
        String tag = text.substring(i, j + 1);
        int close = text.indexOf(tag, j + 1);
        return close < 0 || close >= to ? to : close + tag.length();
    }
}

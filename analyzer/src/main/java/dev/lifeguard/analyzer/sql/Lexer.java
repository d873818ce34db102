package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.Dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one token at a time, with the quoting and comment rules of a dialect. Shared by the splitter
 * (which must never see a ';' inside a string or comment) and the statement readers. An unterminated
 * string or comment runs to the end of the range instead of failing: the splitter then makes the rest
 * of the file one statement, which is reported as unparsed.
 */
final class Lexer {
    private final String text;
    private final Dialect dialect;
    private final int limit;

    Lexer(String text, Dialect dialect, int limit) {
        this.text = text;
        this.dialect = dialect;
        this.limit = limit;
    }

    /** Tokens of [start, end), comments and whitespace dropped. */
    static List<Token> tokens(String text, Dialect dialect, int start, int end) {
        Lexer lexer = new Lexer(text, dialect, end);
        List<Token> out = new ArrayList<>();
        int pos = lexer.skipSpace(start);
        while (pos < end) {
            Token t = lexer.read(pos);
            if (t.kind() != Token.Kind.COMMENT) {
                out.add(t);
            }
            pos = lexer.skipSpace(t.end());
        }
        return out;
    }

    int skipSpace(int pos) {
        while (pos < limit && isSpace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    /** Java's whitespace, and the no-break spaces and BOM an editor or a copy from a web page leaves in a file. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF';
    }

    /** The token starting at {@code pos}, which must not be whitespace. */
    Token read(int pos) {
        char c = text.charAt(pos);
        char next = pos + 1 < limit ? text.charAt(pos + 1) : 0;
        if (c == '-' && next == '-' || c == '#' && dialect.isMySqlFamily()) {
            return token(Token.Kind.COMMENT, pos, lineEnd(pos));
        }
        if (c == '/' && next == '*') {
            return token(Token.Kind.COMMENT, pos, blockCommentEnd(pos));
        }
        if (c == '\'') {
            return token(Token.Kind.STRING, pos, quotedEnd(pos, '\'', dialect.isMySqlFamily()));
        }
        if (c == '"') {
            boolean mysql = dialect.isMySqlFamily();
            return token(mysql ? Token.Kind.STRING : Token.Kind.QUOTED_IDENT, pos, quotedEnd(pos, '"', mysql));
        }
        if (c == '`') {
            return token(Token.Kind.QUOTED_IDENT, pos, quotedEnd(pos, '`', false));
        }
        if (c == '[' && dialect == Dialect.SQLSERVER) {
            return token(Token.Kind.QUOTED_IDENT, pos, quotedEnd(pos, ']', false));
        }
        if (c == '$' && dollarQuoting()) {
            int tagEnd = dollarTagEnd(pos);
            if (tagEnd > 0) {
                String tag = text.substring(pos, tagEnd);
                int close = text.indexOf(tag, tagEnd);
                int end = close < 0 || close + tag.length() > limit ? limit : close + tag.length();
                return token(Token.Kind.STRING, pos, end);
            }
        }
        if (Character.isDigit(c) || c == '.' && Character.isDigit(next)) {
            int end = pos + 1;
            while (end < limit && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                end++;
            }
            return token(Token.Kind.NUMBER, pos, end);
        }
        if (isWordStart(c) || c == '@' && dialect.isMySqlFamily()) {
            if (next == '\'' && "EeNnXxBb".indexOf(c) >= 0) {
                boolean backslash = c == 'E' || c == 'e' || dialect.isMySqlFamily();
                return token(Token.Kind.STRING, pos, quotedEnd(pos + 1, '\'', backslash));
            }
            int end = pos + 1;
            while (end < limit && isWordPart(text.charAt(end))) {
                end++;
            }
            if (end - pos == 1 && c == 'U' && text.startsWith("&'", end)) {
                return token(Token.Kind.STRING, pos, quotedEnd(end + 1, '\'', false));
            }
            return token(Token.Kind.WORD, pos, end);
        }
        return token(Token.Kind.SYMBOL, pos, symbolEnd(pos));
    }

    private Token token(Token.Kind kind, int start, int end) {
        return new Token(kind, text.substring(start, end), start, end);
    }

    private boolean dollarQuoting() {
        return !dialect.isMySqlFamily() && dialect != Dialect.SQLSERVER && dialect != Dialect.ORACLE;
    }

    /** End of an opening {@code $tag$} at pos, or -1 when pos starts no dollar quote ($1 is a parameter). */
    private int dollarTagEnd(int pos) {
        int i = pos + 1;
        if (i < limit && text.charAt(i) == '$') {
            return i + 1;
        }
        if (i >= limit || !(Character.isLetter(text.charAt(i)) || text.charAt(i) == '_')) {
            return -1;
        }
        while (i < limit && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i < limit && text.charAt(i) == '$' ? i + 1 : -1;
    }

    private int lineEnd(int pos) {
        int nl = text.indexOf('\n', pos);
        int end = nl < 0 || nl > limit ? limit : nl;
        return end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    private int blockCommentEnd(int pos) {
        boolean nested = dialect == Dialect.POSTGRESQL || dialect == Dialect.GENERIC;
        int depth = 0;
        int i = pos;
        while (i + 1 < limit) {
            if (text.charAt(i) == '/' && text.charAt(i + 1) == '*') {
                depth = nested ? depth + 1 : 1;
                i += 2;
            } else if (text.charAt(i) == '*' && text.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return limit;
    }

    /** End (exclusive) of a quoted run opened at pos; a doubled quote is an escaped quote. */
    private int quotedEnd(int pos, char close, boolean backslash) {
        int i = pos + 1;
        while (i < limit) {
            char c = text.charAt(i);
            if (backslash && c == '\\') {
                i += 2;
            } else if (c == close) {
                if (i + 1 < limit && text.charAt(i + 1) == close) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return limit;
    }

    private int symbolEnd(int pos) {
        if (pos + 1 < limit) {
            String two = text.substring(pos, pos + 2);
            switch (two) {
                case "::", "<=", ">=", "<>", "!=", "||", "=>", ":=", "->", "@>", "<@", "&&":
                    return pos + 2;
                default:
                    break;
            }
        }
        return pos + 1;
    }

    static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@';
    }
}

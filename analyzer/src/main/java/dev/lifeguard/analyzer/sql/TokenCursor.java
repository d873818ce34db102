package dev.lifeguard.analyzer.sql;

import java.util.ArrayList;
import java.util.List;

/** A position in the tokens of one statement, with the small look-ahead helpers the readers need. */
final class TokenCursor {
    private final String source;
    private final List<Token> tokens;
    private int index;

    TokenCursor(String source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    int index() {
        return index;
    }

    void reset(int index) {
        this.index = index;
    }

    boolean atEnd() {
        return index >= tokens.size();
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        int i = index + ahead;
        return i < tokens.size() ? tokens.get(i) : null;
    }

    Token next() throws ReadException {
        if (atEnd()) {
            throw new ReadException("statement ends too early");
        }
        return tokens.get(index++);
    }

    /** The next token, consumed; only when the cursor is known not to be at the end. */
    Token advance() {
        return tokens.get(index++);
    }

    boolean isWord(String keyword) {
        return !atEnd() && tokens.get(index).isWord(keyword);
    }

    boolean isSymbol(String symbol) {
        return !atEnd() && tokens.get(index).isSymbol(symbol);
    }

    /** Whether the next tokens are exactly these keywords (consumed only when all match). */
    boolean accept(String... keywords) {
        for (int k = 0; k < keywords.length; k++) {
            Token t = peek(k);
            if (t == null || !t.isWord(keywords[k])) {
                return false;
            }
        }
        index += keywords.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        if (isSymbol(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    void expect(String... keywords) throws ReadException {
        if (!accept(keywords)) {
            throw unexpected("expected " + String.join(" ", keywords));
        }
    }

    void expectSymbol(String symbol) throws ReadException {
        if (!acceptSymbol(symbol)) {
            throw unexpected("expected '" + symbol + "'");
        }
    }

    void expectEnd() throws ReadException {
        if (!atEnd()) {
            throw unexpected("unexpected text");
        }
    }

    ReadException unexpected(String what) {
        return new ReadException(atEnd() ? what + " at end of statement" : what + " at '" + excerpt(peek().text()) + "'");
    }

    /** A token as a message quotes it: its first line, cut short (a string or quoted name may span pages). */
    static String excerpt(String token) {
        int nl = token.indexOf('\n');
        String line = nl < 0 ? token : token.substring(0, nl);
        return line.length() > 40 ? line.substring(0, 40) + "..." : nl < 0 ? line : line.stripTrailing() + "...";
    }

    /** One identifier, as written (quotes kept). */
    String identifier() throws ReadException {
        Token t = peek();
        if (t == null || !t.isIdentifier()) {
            throw unexpected("expected a name");
        }
        index++;
        return t.text();
    }

    /** A possibly qualified name ({@code schema.table}), as written. */
    String qualifiedName() throws ReadException {
        int start = peek() == null ? 0 : peek().start();
        identifier();
        while (isSymbol(".") && peek(1) != null && peek(1).isIdentifier()) {
            index += 2;
        }
        return source.substring(start, tokens.get(index - 1).end());
    }

    /** Skips a parenthesised group starting at the cursor; returns the text inside it. */
    String parenthesised() throws ReadException {
        Token open = next();
        if (!open.isSymbol("(")) {
            throw new ReadException("expected '(' at '" + excerpt(open.text()) + "'");
        }
        int depth = 1;
        while (depth > 0) {
            Token t = next();
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
        }
        return source.substring(open.end(), tokens.get(index - 1).start()).trim();
    }

    /** Moves past one token, or a whole parenthesised group when the cursor is on '('. */
    void skipItem() throws ReadException {
        if (isSymbol("(")) {
            parenthesised();
        } else {
            next();
        }
    }

    /** The source text of tokens [from, to). */
    String text(int from, int to) {
        if (from >= to) {
            return "";
        }
        return source.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }

    /** Skips everything to the end of the statement. */
    void skipRest() {
        index = tokens.size();
    }

    /**
     * Splits tokens [from, to) at top-level commas (outside parentheses and the brackets of PostgreSQL's
     * {@code ARRAY['a', 'b']} and subscripts) into index ranges {@code {start, end}}.
     */
    List<int[]> splitAtCommas(int from, int to) {
        List<int[]> parts = new ArrayList<>();
        int depth = 0;
        int partStart = from;
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(") || t.isSymbol("[")) {
                depth++;
            } else if (t.isSymbol(")") || t.isSymbol("]")) {
                depth--;
            } else if (depth == 0 && t.isSymbol(",")) {
                parts.add(new int[] {partStart, i});
                partStart = i + 1;
            }
        }
        parts.add(new int[] {partStart, to});
        return parts;
    }

    Token at(int i) {
        return tokens.get(i);
    }

    String source() {
        return source;
    }

    int size() {
        return tokens.size();
    }

    /** A cursor over tokens [from, to) only. */
    TokenCursor sub(int from, int to) {
        return new TokenCursor(source, tokens.subList(from, to));
    }
}

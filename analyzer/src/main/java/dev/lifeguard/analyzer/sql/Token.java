package dev.lifeguard.analyzer.sql;

import java.util.Locale;

/** One lexical token of a statement; offsets are absolute in the text the lexer read. */
record Token(Kind kind, String text, int start, int end) {

    enum Kind { WORD, QUOTED_IDENT, STRING, NUMBER, SYMBOL, COMMENT }

    boolean isWord(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENT;
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }
}

package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.Fix;
import dev.lifeguard.rules.engine.MigrationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a statement as written in its file, with their offsets, so a fix can insert a keyword at
 * the right place. Only statements that stand verbatim in a file (their span has offsets and the text
 * there reads as expected) get a fix; a Liquibase change element never does.
 */
final class StatementText {
    /** A word of the statement: upper-cased text and its [start, end) offsets in the file. */
    record Word(String text, int start, int end) {
    }

    private final SourceFile file;
    private final List<Word> words;

    private StatementText(SourceFile file, List<Word> words) {
        this.file = file;
        this.words = words;
    }

    /** The statement of this operation, or null when its text is not available verbatim. */
    static StatementText of(MigrationContext ctx, Operation op) {
        SourceSpan span = op.span();
        if (!span.hasOffsets() || !span.file().toString().toLowerCase(Locale.ROOT).endsWith(".sql")) {
            return null;
        }
        SourceFile file = ctx.project().source(span.file()).orElse(null);
        if (file == null || span.endOffset() > file.text().length()) {
            return null;
        }
        return new StatementText(file, words(file.text(), span.startOffset(), span.endOffset()));
    }

    List<Word> words() {
        return words;
    }

    /**
     * The offset just after the leading words {@code expected} (each one word, or alternatives separated
     * by '|', or optional when prefixed with '?'), or -1 when the statement does not start that way.
     */
    int afterLeading(String... expected) {
        int w = 0;
        int end = -1;
        for (String e : expected) {
            boolean optional = e.startsWith("?");
            List<String> options = List.of((optional ? e.substring(1) : e).split("\\|"));
            if (w < words.size() && options.contains(words.get(w).text())) {
                end = words.get(w).end();
                w++;
            } else if (!optional) {
                return -1;
            }
        }
        return end;
    }

    /** A fix that inserts {@code text} at {@code offset}. */
    Fix insertAt(int offset, String text, String description) {
        return new Fix(description, List.of(new Fix.Edit(file.span(offset, offset), text)));
    }

    /**
     * Word tokens of [start, end), skipping comments, quoted strings and identifiers; a parenthesised group
     * becomes the single word "(...)" so option lists such as REINDEX (VERBOSE) can be stepped over.
     */
    private static List<Word> words(String text, int start, int end) {
        List<Word> out = new ArrayList<>();
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < end && text.charAt(i + 1) == '-') {
                int nl = text.indexOf('\n', i);
                i = nl < 0 || nl > end ? end : nl + 1;
            } else if (c == '/' && i + 1 < end && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 || close > end ? end : close + 2;
            } else if (c == '(') {
                int depth = 0;
                int j = i;
                for (; j < end; j++) {
                    if (text.charAt(j) == '(') {
                        depth++;
                    } else if (text.charAt(j) == ')' && --depth == 0) {
                        break;
                    }
                }
                int stop = Math.min(j + 1, end);
                out.add(new Word("(...)", i, stop));
                i = stop;
            } else if (c == '\'' || c == '"' || c == '`') {
                int close = text.indexOf(c, i + 1);
                int stop = close < 0 || close >= end ? end : close + 1;
                out.add(new Word(text.substring(i, stop), i, stop));
                i = stop;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int j = i;
                while (j < end && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_' || text.charAt(j) == '$')) {
                    j++;
                }
                out.add(new Word(text.substring(i, j).toUpperCase(Locale.ROOT), i, j));
                i = j;
            } else {
                out.add(new Word(String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return out;
    }
}

package dev.lifeguard.rules;

import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.engine.MigrationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a statement as written in its file, with their offsets, so a fix can insert a keyword at
 * the right place. Only statements that stand verbatim in a file (their span has offsets and the text
 * there reads as expected) get a fix; a Liquibase change element never does.
 */
public final class StatementText {
    /** A word of the statement: upper-cased text and its [start, end) offsets in the file. */
    public record Word(String text, int start, int end) {
    }

    private final SourceFile file;
    private final List<Word> words;

    private StatementText(SourceFile file, List<Word> words) {
        this.file = file;
        this.words = words;
    }

    /** The statement of this operation, or null when its text is not available verbatim. */
    public static StatementText of(MigrationContext ctx, Operation op) {
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

    public List<Word> words() {
        return words;
    }

    /**
     * The offset just after the leading words {@code expected} (each one word, or alternatives separated
     * by '|', or optional when prefixed with '?'), or -1 when the statement does not start that way.
     */
    public int afterLeading(String... expected) {
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
    public Fix insertAt(int offset, String text, String description) {
        return new Fix(description, List.of(new Fix.Edit(file.span(offset, offset), text)));
    }

    /**
     * The span of the first ALTER TABLE clause (the words between top-level commas, from its leading
     * {@code ADD}) whose words after ADD include one of {@code anyOf}: the statement span covers every
     * clause, but a finding about one of them belongs on it. Null when no clause matches.
     */
    public SourceSpan addClause(java.util.Set<String> anyOf) {
        int start = 0;
        for (int i = 0; i <= words.size(); i++) {
            if (i == words.size() || words.get(i).text().equals(",")) {
                SourceSpan span = matchingAdd(words.subList(start, i), anyOf);
                if (span != null) {
                    return span;
                }
                start = i + 1;
            }
        }
        return null;
    }

    private SourceSpan matchingAdd(List<Word> clause, java.util.Set<String> anyOf) {
        for (int i = 0; i < clause.size(); i++) {
            if (clause.get(i).text().equals("ADD")) {
                boolean matches = clause.subList(i + 1, clause.size()).stream()
                        .anyMatch(w -> anyOf.contains(w.text().replace("\"", "").toUpperCase(Locale.ROOT)));
                if (!matches) {
                    return null;
                }
                int end = clause.get(clause.size() - 1).end();
                if (clause.get(clause.size() - 1).text().equals(";")) {
                    end = clause.size() - 1 > i ? clause.get(clause.size() - 2).end() : end;
                }
                return file.span(clause.get(i).start(), end);
            }
        }
        return null;
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

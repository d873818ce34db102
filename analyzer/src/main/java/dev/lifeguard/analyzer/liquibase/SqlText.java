package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.liquibase.ChangelogDocument.Region;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.sql.SqlParser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * SQL that a changelog carries (sql change, rollback text, formatted SQL body, sqlFile) into operations.
 * When the text Liquibase runs stands verbatim in the file, it is parsed in place so every statement keeps
 * its exact span; when it does not (XML entities, CDATA mixed with comments, ${properties}, YAML escapes,
 * generated SQL) it is parsed detached, every statement at the change's span.
 */
final class SqlText {
    /** Compared without whitespace and semicolons: Liquibase trims, splits and re-joins statements. */
    private static final Pattern IGNORED = Pattern.compile("[\\s;]+");
    private static final Pattern REGEX_META = Pattern.compile("[\\\\|()\\[\\]*+?{}]");

    private SqlText() {
    }

    /**
     * @param candidate    where the text probably stands in the file, null when nowhere
     * @param executed     the text Liquibase would run
     * @param endDelimiter Liquibase's endDelimiter, null for the default ';'
     * @param at           the span of the change, for detached statements
     */
    static List<Operation> parse(SqlParser sql, SourceFile file, Region candidate, String executed, String endDelimiter,
                                 SourceSpan at) {
        if (executed == null || executed.isBlank()) {
            return List.of();
        }
        Region verbatim = candidate == null ? null : verbatimRegion(file, candidate, executed);
        Pattern delimiter = delimiter(endDelimiter);
        List<Operation> ops = new ArrayList<>();
        if (verbatim != null) {
            for (Region piece : split(file.text(), verbatim, delimiter)) {
                ops.addAll(sql.parse(file, piece.start(), piece.end()));
            }
        } else {
            for (Region piece : split(executed, new Region(0, executed.length()), delimiter)) {
                ops.addAll(sql.parseDetached(executed.substring(piece.start(), piece.end()), at));
            }
        }
        return ops;
    }

    /** Parses a region that is known to hold exactly the SQL (comments included), split at the delimiter. */
    static List<Operation> parseInPlace(SqlParser sql, SourceFile file, Region region, String endDelimiter) {
        List<Operation> ops = new ArrayList<>();
        for (Region piece : split(file.text(), region, delimiter(endDelimiter))) {
            ops.addAll(sql.parse(file, piece.start(), piece.end()));
        }
        return ops;
    }

    /** The candidate region (inside a lone CDATA section if there is one) when it reads as what runs. */
    static Region verbatimRegion(SourceFile file, Region candidate, String executed) {
        String raw = file.text().substring(candidate.start(), candidate.end());
        int start = candidate.start();
        int end = candidate.end();
        String trimmed = raw.strip();
        if (trimmed.startsWith("<![CDATA[") && trimmed.endsWith("]]>") && trimmed.indexOf("<![CDATA[", 1) < 0) {
            start = candidate.start() + raw.indexOf("<![CDATA[") + "<![CDATA[".length();
            end = candidate.start() + raw.lastIndexOf("]]>");
            raw = file.text().substring(start, end);
        }
        return normalize(raw).equals(normalize(executed)) ? new Region(start, end) : null;
    }

    static String normalize(String s) {
        return IGNORED.matcher(s).replaceAll("");
    }

    /**
     * Liquibase's endDelimiter: a word (GO) or "/" stands alone on its line; other plain strings ($$, //)
     * end a line; anything with regex syntax is used as the regex Liquibase treats it as.
     */
    static Pattern delimiter(String endDelimiter) {
        if (endDelimiter == null || endDelimiter.isEmpty() || endDelimiter.strip().equals(";")) {
            return null;
        }
        String d = endDelimiter.strip().isEmpty() ? endDelimiter : endDelimiter.strip();
        if (d.matches("[A-Za-z]+") || d.equals("/")) {
            return Pattern.compile("(?im)^[ \\t]*" + Pattern.quote(d) + "[ \\t]*$");
        }
        if (REGEX_META.matcher(d).find()) {
            try {
                return Pattern.compile(endDelimiter, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
            } catch (PatternSyntaxException e) {
                return Pattern.compile(Pattern.quote(d));
            }
        }
        return Pattern.compile("(?m)" + Pattern.quote(d) + "[ \\t]*(?=\\r?$)");
    }

    /** Splits [region) of text at the delimiter; the delimiters themselves belong to no piece. */
    static List<Region> split(String text, Region region, Pattern delimiter) {
        if (delimiter == null) {
            return List.of(region);
        }
        List<Region> pieces = new ArrayList<>();
        // the delimiter is a regular expression from the changelog: one that backtracks without end must not
        // hang the run, so matching has a deadline, and past it the text is left whole
        Matcher m = delimiter.matcher(new Deadline(text, System.nanoTime() + SPLIT_NANOS)).region(region.start(), region.end());
        int from = region.start();
        try {
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue; // an empty match splits nothing
                }
                addPiece(text, pieces, from, m.start());
                from = m.end();
            }
        } catch (Deadline.Passed e) {
            return List.of(region);
        }
        addPiece(text, pieces, from, region.end());
        return pieces;
    }

    private static final long SPLIT_NANOS = 2_000_000_000L;

    /** The text, as a regular expression reads it, until a deadline: then every read throws. */
    private static final class Deadline implements CharSequence {
        private final String text;
        private final long until;
        private int reads;

        Deadline(String text, long until) {
            this.text = text;
            this.until = until;
        }

        static final class Passed extends RuntimeException {
            Passed() {
                super("delimiter took too long", null, false, false);
            }
        }

        @Override
        public char charAt(int index) {
            if (++reads >= 100_000) { // the clock is read now and then: a backtracking match reads millions
                reads = 0;
                if (System.nanoTime() > until) {
                    throw new Passed();
                }
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static void addPiece(String text, List<Region> pieces, int start, int end) {
        if (end > start && !text.substring(start, end).isBlank()) {
            pieces.add(new Region(start, end));
        }
    }
}

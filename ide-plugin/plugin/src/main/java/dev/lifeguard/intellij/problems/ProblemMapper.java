package dev.lifeguard.intellij.problems;

import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Fix;
import dev.lifeguard.rules.RulePages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the findings of one file into what the editor shows. SQL findings carry offsets and are highlighted
 * exactly; Liquibase findings know only their lines, so the line is highlighted from its first non-blank
 * character to its end (never the line break, so CRLF files mark the same characters as LF files).
 */
public final class ProblemMapper {
    private final SourceFile source;
    private final RulePages pages;

    /**
     * @param file the file's path relative to the project root, as findings name it
     * @param text the file's text as the editor holds it (the text that was linted)
     */
    public ProblemMapper(Path file, String text) {
        this(file, text, RulePages.forVersion(null));
    }

    /** @param pages where the findings' rule pages are (the project's docs-url:, or Lifeguard's own) */
    public ProblemMapper(Path file, String text, RulePages pages) {
        this.source = new SourceFile(file, text);
        this.pages = pages;
    }

    /** The problems of this file, in the order of the findings; findings in other files are left out. */
    public List<EditorProblem> map(List<Finding> findings) {
        List<EditorProblem> out = new ArrayList<>();
        for (Finding f : findings) {
            if (!f.span().file().equals(source.path())) {
                continue;
            }
            int[] range = range(f.span());
            out.add(new EditorProblem(range[0], range[1], description(f), Highlight.of(f.severity()), f.ruleId(),
                    pages.page(f.rule()), fix(f.fix()).orElse(null), SuppressionComments.plan(source, f).orElse(null)));
        }
        return out;
    }

    /** [start, end) to highlight: the span's offsets when it has a non-empty range, else its lines. */
    int[] range(SourceSpan span) {
        String text = source.text();
        if (span.hasOffsets() && span.endOffset() > span.startOffset() && span.endOffset() <= text.length()) {
            return new int[] {span.startOffset(), span.endOffset()};
        }
        int firstLine = Math.min(span.startLine(), source.lineCount());
        int lastLine = Math.max(firstLine, Math.min(span.endLine(), source.lineCount()));
        int start = source.offsetOf(firstLine, 1) + leadingBlanks(source.line(firstLine));
        int end = source.offsetOf(lastLine, 1) + source.line(lastLine).length();
        if (end > start) {
            return new int[] {start, end};
        }
        // a blank line: mark one character so the editor has something to underline
        int at = Math.min(source.offsetOf(firstLine, 1), text.length());
        return at < text.length() ? new int[] {at, at + 1} : new int[] {Math.max(0, at - 1), at};
    }

    private static int leadingBlanks(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The finding in words: the rule's message and its help (the rule id and link are added by {@link EditorProblem#html}). */
    static String description(Finding f) {
        String message = sentence(f.message());
        String help = f.help() == null || f.help().isBlank() ? "" : " " + sentence(f.help());
        return message + help;
    }

    private static String sentence(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return t;
        }
        char last = t.charAt(t.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == ':' ? t : t + ".";
    }

    /** The rule's fix, when every edit has offsets inside this file's text. */
    Optional<EditPlan> fix(Fix fix) {
        if (fix == null || fix.edits().isEmpty()) {
            return Optional.empty();
        }
        String text = source.text();
        List<TextEdit> edits = new ArrayList<>();
        for (Fix.Edit e : fix.edits()) {
            SourceSpan s = e.span();
            if (!s.file().equals(source.path()) || !s.hasOffsets() || s.endOffset() > text.length()) {
                return Optional.empty();
            }
            edits.add(TextEdit.of(text, s.startOffset(), s.endOffset(), e.replacement()));
        }
        try {
            return Optional.of(new EditPlan(fix.description(), edits));
        } catch (IllegalArgumentException overlapping) {
            return Optional.empty();
        }
    }
}

package dev.lifeguard.intellij.problems;

import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.suppress.CommentSyntax;
import dev.lifeguard.rules.suppress.Suppressions;

import java.util.List;
import java.util.Optional;

/**
 * Where the "suppress" quick fix puts Lifeguard's ignore comment: on its own line right before the
 * statement (SQL, from the statement's first character) or the line (Liquibase XML/YAML, whose findings
 * know only their line) the finding is on, indented like it. The comment itself is rendered by
 * {@link Suppressions#comment}, the syntax the suppression parser reads. JSON has no comments, so a JSON
 * changelog gets no suppress fix.
 */
public final class SuppressionComments {
    private SuppressionComments() {
    }

    /** The quick fix that writes the ignore comment for a finding, if the file can hold one. */
    static Optional<EditPlan> plan(SourceFile source, Finding finding) {
        String comment = Suppressions.comment(CommentSyntax.of(source.path()), List.of(finding.ruleId()),
                Suppressions.REASON_PLACEHOLDER);
        if (comment == null) {
            return Optional.empty();
        }
        String text = source.text();
        int at = anchor(source, finding.span());
        int lineStart = source.offsetOf(source.lineOf(at), 1);
        String before = text.substring(lineStart, at);
        String newline = lineBreakOf(source, at);
        TextEdit edit;
        if (before.isBlank()) {
            // own line, indented like the statement
            edit = TextEdit.of(text, lineStart, lineStart, before + comment + newline);
        } else {
            // the statement starts after another on the same line: break the line before it
            edit = TextEdit.of(text, at, at, comment + newline);
        }
        return Optional.of(new EditPlan("Suppress " + finding.ruleId() + " here (with a reason)",
                List.of(edit)));
    }

    /**
     * Where the statement the finding belongs to starts: the statement's offset (a clause of a multi-clause
     * ALTER TABLE is suppressed before the ALTER), else the first non-blank character of the finding's line.
     */
    private static int anchor(SourceFile source, SourceSpan span) {
        String text = source.text();
        if (span.hasOffsets() && span.statementStart() >= 0 && span.statementStart() <= text.length()
                && span.endOffset() <= text.length()) {
            return span.statementStart();
        }
        int line = Math.min(span.startLine(), source.lineCount());
        int start = source.offsetOf(line, 1);
        String content = source.line(line);
        int i = 0;
        while (i < content.length() && Character.isWhitespace(content.charAt(i))) {
            i++;
        }
        return start + i;
    }

    /** The file's own line break, as used by the line the comment goes on. */
    private static String lineBreakOf(SourceFile source, int offset) {
        int line = source.lineOf(offset);
        int end = source.offsetOf(line, 1) + source.line(line).length();
        String text = source.text();
        if (end < text.length()) {
            return text.startsWith("\r\n", end) ? "\r\n" : "\n";
        }
        return text.contains("\r\n") ? "\r\n" : "\n";
    }
}

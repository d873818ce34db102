package dev.lifeguard.intellij.problems;

import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.Finding;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Lifeguard's own ignore comment, written by the "suppress" quick fix on its own line right before the
 * statement (SQL, from the statement's first character) or the line (Liquibase XML/YAML, whose findings
 * know only their line) the finding is on, indented like it:
 * <pre>
 * -- lifeguard:ignore rule-id reason
 * &lt;!-- lifeguard:ignore rule-id reason --&gt;
 * # lifeguard:ignore rule-id reason
 * </pre>
 * The syntax is the one Lifeguard's suppression parser reads (DESIGN.md, "Suppression"). JSON has no
 * comments, so a JSON changelog gets no suppress fix.
 */
public final class SuppressionComments {
    public static final String IGNORE = "lifeguard:ignore";
    /** What the comment says until the developer writes the real reason (IntelliJ highlights the TODO). */
    public static final String REASON_PLACEHOLDER = "TODO explain why this is safe";

    /** How a file writes comments, by its extension. */
    public enum Syntax {
        SQL, XML, YAML, NONE;

        public static Syntax of(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".xml")) {
                return XML;
            }
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return YAML;
            }
            return name.endsWith(".json") ? NONE : SQL;
        }
    }

    private SuppressionComments() {
    }

    /** The comment's text, without indentation or line break; null for a syntax without comments. */
    public static String comment(Syntax syntax, List<String> ruleIds, String reason) {
        String body = IGNORE + " " + String.join(",", ruleIds)
                + (reason == null || reason.isBlank() ? "" : " " + reason.strip().replaceAll("\\s+", " "));
        return switch (syntax) {
            case SQL -> "-- " + body;
            // "--" may not appear inside an XML comment
            case XML -> "<!-- " + body.replace("--", "- -") + " -->";
            case YAML -> "# " + body;
            case NONE -> null;
        };
    }

    /** The quick fix that writes the ignore comment for a finding, if the file can hold one. */
    static Optional<EditPlan> plan(SourceFile source, Finding finding) {
        String comment = comment(Syntax.of(source.path()), List.of(finding.ruleId()), REASON_PLACEHOLDER);
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
            edit = new TextEdit(lineStart, lineStart, "", before + comment + newline);
        } else {
            // the statement starts after another on the same line: break the line before it
            edit = new TextEdit(at, at, "", comment + newline);
        }
        return Optional.of(new EditPlan("Lifeguard: suppress " + finding.ruleId() + " here (with a reason)",
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
